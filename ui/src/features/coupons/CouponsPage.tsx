// The coupons area (coupon plans): not built yet, so it explains what it will do.
import { GiftOutlined } from "@ant-design/icons";
import { FeaturePlaceholder } from "../../components/FeaturePlaceholder";

export function CouponsPage() {
  return <FeaturePlaceholder area="coupons" icon={<GiftOutlined />} />;
}
