// The tiers area (membership tier ladder): not built yet, so it explains what it will do.
import { CrownOutlined } from "@ant-design/icons";
import { FeaturePlaceholder } from "../../components/FeaturePlaceholder";

export function TiersPage() {
  return <FeaturePlaceholder area="tiers" icon={<CrownOutlined />} />;
}
