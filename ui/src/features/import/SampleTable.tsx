// The file's first rows as they are, under their own headers, with the field each column feeds.
import { Table, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table/interface";
import { useTranslation } from "react-i18next";
import type { MappedField } from "../../bindings/MappedField";

type Props = { headers: readonly string[]; sample: string[][]; fields: Map<string, MappedField[]> };
type Row = { key: number; cells: string[] };

export function SampleTable({ headers, sample, fields }: Props) {
  const { t } = useTranslation();
  const columns: ColumnsType<Row> = headers.map((header, i) => ({
    key: i,
    width: 160,
    ellipsis: true,
    title: (
      <div>
        <Typography.Text strong>{header}</Typography.Text>
        {(fields.get(header) ?? []).map((f) => (
          <div key={f}><Tag color="volcano" style={{ marginTop: 4 }}>→ {t(`import.mapping.field.${f}`)}</Tag></div>
        ))}
      </div>
    ),
    render: (_: unknown, row: Row) => row.cells[i] ?? "",
  }));
  return (
    <div data-testid="mapping-sample">
      <Typography.Title level={5}>{t("import.mapping.sampleTitle", { count: sample.length })}</Typography.Title>
      <Table<Row>
        size="small"
        bordered
        columns={columns}
        dataSource={sample.map((cells, key) => ({ key, cells }))}
        pagination={{ pageSize: 5, hideOnSinglePage: true, showSizeChanger: false }}
        scroll={{ x: "max-content" }}
      />
    </div>
  );
}
