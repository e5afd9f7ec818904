// A customer's tags: closable chips (close → customer_untag) and an AutoComplete of known tags (add → customer_tag).
import { useMemo, useRef, useState } from "react";
import { AutoComplete, Button, Input, Space, Tag, Typography } from "antd";
import { CloseOutlined, PlusOutlined } from "@ant-design/icons";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { queryKeys } from "../../../app/queryKeys";
import { tagsList } from "../../../ipc/commands";
import { useErrorNotice } from "../../../components/useErrorNotice";
import { fieldProblem } from "./profileText";
import { useProfileActions } from "./useProfileActions";

const MAX_SUGGESTIONS = 20;

export function TagEditor({ id, tags }: { id: number; tags: string[] }) {
  const { t } = useTranslation();
  const notifyError = useErrorNotice();
  const { tag, untag } = useProfileActions(id);
  const known = useQuery({ queryKey: queryKeys.tags(), queryFn: tagsList });
  const [text, setText] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const typed = useRef(text);
  typed.current = text;
  // Enter on a highlighted suggestion selects it (onSelect runs after onPressEnter): the typed text is added only
  // if no suggestion was selected by the same key press, so the Enter is judged once both handlers have run.
  const selected = useRef(false);

  const options = useMemo(() => {
    const needle = text.trim().toLowerCase();
    return (known.data ?? [])
      .filter((name) => !tags.includes(name) && name.toLowerCase().includes(needle))
      .slice(0, MAX_SUGGESTIONS)
      .map((name) => ({ value: name }));
  }, [known.data, tags, text]);

  const add = (raw: string) => {
    const name = raw.trim();
    if (!name || tag.isPending) return;
    setProblem(null);
    tag.mutate(name, {
      onSuccess: () => setText(""),
      onError: (e) => {
        const bad = fieldProblem(t, e);
        if (bad) setProblem(bad.text);
        else notifyError(e);
      },
    });
  };

  return (
    <Space direction="vertical" size={8} style={{ width: "100%" }}>
      <div data-testid="profile-tags">
        {tags.length === 0 ? (
          <Typography.Text type="secondary">{t("profile.tags.empty")}</Typography.Text>
        ) : (
          <Space size={[0, 6]} wrap>
            {tags.map((name) => (
              <Tag key={name} color="orange" data-testid="profile-tag" data-tag={name} closable
                closeIcon={<CloseOutlined aria-label={t("profile.tags.remove", { tag: name })} data-testid="profile-tag-remove" />}
                onClose={(e) => {
                  e.preventDefault(); // disappears when the refreshed profile arrives
                  untag.mutate(name, { onError: notifyError });
                }}>
                {name}
              </Tag>
            ))}
          </Space>
        )}
      </div>
      <Space.Compact style={{ width: "100%", maxWidth: 420 }}>
        <AutoComplete
          style={{ flex: 1 }}
          value={text}
          options={options}
          defaultActiveFirstOption={false}
          notFoundContent={null}
          onChange={(v: string) => { setText(v); setProblem(null); }}
          onSelect={(v: string) => {
            selected.current = true;
            setTimeout(() => { selected.current = false; });
            add(v);
          }}
        >
          <Input
            data-testid="profile-tag-input"
            placeholder={t("profile.tags.placeholder")}
            status={problem ? "error" : undefined}
            onPressEnter={() => setTimeout(() => { if (!selected.current) add(typed.current); })}
          />
        </AutoComplete>
        <Button icon={<PlusOutlined />} onClick={() => add(text)} loading={tag.isPending}
          disabled={text.trim() === ""} data-testid="profile-tag-add">{t("profile.tags.add")}</Button>
      </Space.Compact>
      {problem && <Typography.Text type="danger" data-testid="profile-tag-error">{problem}</Typography.Text>}
    </Space>
  );
}
