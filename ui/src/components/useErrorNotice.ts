// A callback that pops a localized error notification (for failed actions rather than failed pages).
import { useCallback } from "react";
import { App } from "antd";
import { useTranslation } from "react-i18next";
import { localizeError } from "../app/errors";

export function useErrorNotice(): (error: unknown) => void {
  const { notification } = App.useApp();
  const { i18n } = useTranslation();
  return useCallback(
    (error: unknown) => {
      const { title, dto } = localizeError(i18n, error);
      notification.error({ message: title, description: dto.code, placement: "bottomRight" });
    },
    [notification, i18n],
  );
}
