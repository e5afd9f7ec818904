// The coupon plans' server queries and writes: the list (each plan with its offer, estimate and results), and the
// writes that change it (each refetches every "coupons" query; the data-changed event does too, but only in the app).
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { CouponPlan } from "../../bindings/CouponPlan";
import { couponDelete, couponPlans, couponResults, couponResultsFromOrders, couponSave } from "../../ipc/commands";
import { queryKeys } from "../../app/queryKeys";

export const useCouponPlans = (enabled = true) =>
  useQuery({ queryKey: queryKeys.couponPlans(), queryFn: couponPlans, enabled });

function useRefreshCoupons() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: ["coupons"] });
}

export function useSaveCoupon() {
  const refresh = useRefreshCoupons();
  return useMutation({ mutationFn: (plan: CouponPlan) => couponSave(plan), onSuccess: () => void refresh() });
}

export function useDeleteCoupon(onError: (e: unknown) => void) {
  const refresh = useRefreshCoupons();
  return useMutation({ mutationFn: (id: number) => couponDelete(id), onSuccess: () => void refresh(), onError });
}

export function useCouponResults() {
  const refresh = useRefreshCoupons();
  return useMutation({
    mutationFn: ({ id, redeemed }: { id: number; redeemed: number }) => couponResults(id, redeemed),
    onSuccess: () => void refresh(),
  });
}

/** Takes the redemptions matched in the imported orders over as the plan's results. */
export function useCouponResultsFromOrders() {
  const refresh = useRefreshCoupons();
  return useMutation({ mutationFn: (id: number) => couponResultsFromOrders(id), onSuccess: () => void refresh() });
}
