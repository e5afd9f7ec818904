// The activities area (fan-group activity planner): not built yet, so it explains what it will do.
import { CalendarOutlined } from "@ant-design/icons";
import { FeaturePlaceholder } from "../../components/FeaturePlaceholder";

export function ActivitiesPage() {
  return <FeaturePlaceholder area="activities" icon={<CalendarOutlined />} />;
}
