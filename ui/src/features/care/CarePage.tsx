// The care area (care-message scheduling): not built yet, so it explains what it will do.
import { HeartOutlined } from "@ant-design/icons";
import { FeaturePlaceholder } from "../../components/FeaturePlaceholder";

export function CarePage() {
  return <FeaturePlaceholder area="care" icon={<HeartOutlined />} />;
}
