#!/usr/bin/env python3
"""Writes a Taobao 订单报表 (variant B columns) of N orders as GBK CSV, the way 千牛 exports it:
="…" order numbers, a leading ' on phones, trailing spaces in some header names. Deterministic."""
import random
import sys

HEADER = ("订单编号,买家会员名,买家支付宝账号,支付单号,支付详情,买家应付货款,买家应付邮费,买家支付积分,总金额,返点积分,"
          "买家实际支付金额,买家实际支付积分,订单状态,买家留言,收货人姓名,收货地址 ,运送方式,联系电话 ,联系手机,订单创建时间,"
          "订单付款时间 ,宝贝标题 ,宝贝种类 ,物流单号 ,物流公司,订单备注,宝贝总数量,店铺Id,店铺名称,订单关闭原因,卖家服务费,"
          "买家服务费,发票抬头,是否手机订单,分阶段订单信息,特权订金订单id,是否上传合同照片,是否上传小票,是否代付,定金排名,"
          "修改后的sku,修改后的收货地址,异常信息,天猫卡券抵扣,集分宝抵扣,是否是O2O交易,新零售交易类型,新零售导购门店名称,"
          "新零售导购门店id,新零售发货门店名称,新零售发货门店id,退款金额,预约门店,确认收货时间,打款商家金额,含应开票给个人的个人红包,"
          "是否信用购,体验期结束时间,前N有礼,配送类型,主订单编号")
STATUSES = ["交易成功"] * 8 + ["买家已付款，等待卖家发货", "卖家已发货，等待买家确认", "交易关闭", "等待买家付款"]
TITLES = ["西湖龙井 明前特级 250g", "安溪铁观音 清香型", "云南普洱 熟茶饼 357g", "白毫银针 100g", "宜兴紫砂壶 西施"]


def main(path, n):
    rnd = random.Random(1)
    ncols = HEADER.count(",") + 1
    with open(path, "w", encoding="gb18030", newline="") as f:
        f.write(HEADER + "\r\n")
        for i in range(n):
            buyer = f"tb_茶友{rnd.randrange(n // 3 + 1)}"
            status = STATUSES[rnd.randrange(len(STATUSES))]
            paid = f"{rnd.randrange(1990, 59900) / 100:.2f}"
            day = 1 + i % 28
            created = f"2025-{1 + i % 12:02d}-{day:02d} {i % 24:02d}:{i % 60:02d}:00"
            pay_time = "" if status == "等待买家付款" else created[:-2] + "30"
            refund = paid if status == "交易关闭" and i % 2 else "0.00"
            row = [""] * ncols
            row[0] = f'="{4000000000000000000 + i}"'
            row[1] = buyer
            row[5] = paid
            row[8] = paid
            row[10] = "0.00" if status == "等待买家付款" else paid
            row[12] = f'"{status}"'
            row[14] = "王芳"
            row[15] = '"浙江省 杭州市 西湖区 文三路478号(310012)"'
            row[18] = f"'138****{i % 10000:04d}"
            row[19] = created
            row[20] = pay_time
            row[21] = TITLES[i % len(TITLES)]
            row[26] = str(1 + i % 3)
            row[51] = refund
            row[54] = f"{paid}元"
            f.write(",".join(row) + "\r\n")


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
