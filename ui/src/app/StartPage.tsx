// The app's entry route: welcome screen for an empty archive, the dashboard once orders exist.
import { Flex, Spin } from "antd";
import { Navigate } from "react-router-dom";
import { ErrorAlert } from "../components/ErrorAlert";
import { isWelcomeSkipped } from "./session";
import { useInfoQuery } from "./shopQueries";

export function StartPage() {
  const info = useInfoQuery();
  if (info.isPending) {
    return (
      <Flex className="laoke-fullpage" align="center" justify="center" data-testid="start-loading">
        <Spin size="large" />
      </Flex>
    );
  }
  if (info.isError) {
    return (
      <Flex className="laoke-fullpage" align="center" justify="center">
        <ErrorAlert error={info.error} onRetry={() => void info.refetch()} testId="start-error" />
      </Flex>
    );
  }
  const empty = info.data.counts.orders === 0;
  return <Navigate to={empty && !isWelcomeSkipped() ? "/welcome" : "/dashboard"} replace />;
}
