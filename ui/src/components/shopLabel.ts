// How a shop is named on screen: its name, with its platform after it when another platform has a shop of the
// same name (a seller may call their Taobao and their JD shop the same).
import type { TFunction } from "i18next";
import type { ShopView } from "../bindings/ShopView";

export function shopLabel(shop: Pick<ShopView, "name" | "platform">, all: readonly ShopView[], t: TFunction): string {
  const shared = all.some((s) => s.name === shop.name && s.platform !== shop.platform);
  return shared ? `${shop.name} · ${t(`platform.${shop.platform}`)}` : shop.name;
}
