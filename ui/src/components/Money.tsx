// Money text: an exact decimal string shown in the shop currency and the UI locale.
import { useDisplay } from "../app/shopQueries";
import { formatMoney } from "./format";

export function Money({ value, testId }: { value: string; testId?: string }) {
  const { locale, currency } = useDisplay();
  return (
    <span className="laoke-money" data-testid={testId} data-value={value}>
      {formatMoney(value, currency, locale)}
    </span>
  );
}
