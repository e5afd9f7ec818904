// The segments area (lifecycle stages, RFM, saved segments): not built yet, so it explains what it will do.
import { PartitionOutlined } from "@ant-design/icons";
import { FeaturePlaceholder } from "../../components/FeaturePlaceholder";

export function SegmentsPage() {
  return <FeaturePlaceholder area="segments" icon={<PartitionOutlined />} />;
}
