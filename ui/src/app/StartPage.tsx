// The app's entry route: welcome screen for an empty archive; once orders exist, today's care worklist (what to do
// today), or the dashboard of an empty archive the seller chose to enter anyway.
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
  if (empty) return <Navigate to={isWelcomeSkipped() ? "/dashboard" : "/welcome"} replace />;
  return <Navigate to="/care?tab=today" replace />;
}
