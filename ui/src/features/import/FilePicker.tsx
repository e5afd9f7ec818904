// Step 1 of the Import page: a drop zone (drag files onto the window), the native open dialog, and a
// field for pasting a file path.
import { useState } from "react";
import { Button, Input, Space, Typography } from "antd";
import { FolderOpenOutlined, InboxOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { pickOrderFiles } from "../../ipc/shell";
import { useErrorNotice } from "../../components/useErrorNotice";
import { cleanPastedPath } from "./fileEntries";
import { useFileDrop } from "./useFileDrop";

/** `compact` once files are chosen: the drop zone shrinks to one line so the previews stay in view. */
type Props = { onFiles: (paths: string[]) => void; disabled: boolean; compact: boolean };

export function FilePicker({ onFiles, disabled, compact }: Props) {
  const { t } = useTranslation();
  const notifyError = useErrorNotice();
  const [pathText, setPathText] = useState("");
  const { hovering } = useFileDrop(onFiles, !disabled);

  const browse = () => {
    if (disabled) return;
    pickOrderFiles(t("import.pick.filterName"))
      .then((paths) => paths.length > 0 && onFiles(paths))
      .catch(notifyError);
  };
  const openTyped = () => {
    const path = cleanPastedPath(pathText);
    if (!path) return;
    onFiles([path]);
    setPathText("");
  };

  return (
    <div>
      <div
        className={["laoke-dropzone", hovering && "laoke-dropzone-active", disabled && "laoke-dropzone-disabled",
          compact && "laoke-dropzone-compact"].filter(Boolean).join(" ")}
        data-testid="import-dropzone"
        onClick={browse /* a convenience for the mouse; the button inside is the keyboard's way */}
      >
        <InboxOutlined className="laoke-dropzone-icon" />
        <Typography.Title level={5} style={{ margin: compact ? 0 : "8px 0 4px" }}>
          {hovering ? t("import.pick.dropActive") : compact ? t("import.pick.dropMore") : t("import.pick.dropTitle")}
        </Typography.Title>
        {!compact && <Typography.Paragraph type="secondary" style={{ margin: 0 }}>{t("import.pick.dropHint")}</Typography.Paragraph>}
        <Button type={compact ? "default" : "primary"} icon={<FolderOpenOutlined />} style={{ marginTop: compact ? 0 : 12 }}
          disabled={disabled}
          data-testid="import-browse" onClick={(e) => (e.stopPropagation(), browse())}>
          {t("import.pick.browse")}
        </Button>
      </div>
      <Space.Compact style={{ width: "100%", marginTop: 12 }}>
        <Input
          value={pathText}
          onChange={(e) => setPathText(e.target.value)}
          onPressEnter={openTyped}
          placeholder={t("import.pick.pathPlaceholder")}
          aria-label={t("import.pick.pathLabel")}
          disabled={disabled}
          allowClear
          data-testid="import-path"
        />
        <Button onClick={openTyped} disabled={disabled || !cleanPastedPath(pathText)} data-testid="import-path-open">
          {t("import.pick.pathOpen")}
        </Button>
      </Space.Compact>
    </div>
  );
}
