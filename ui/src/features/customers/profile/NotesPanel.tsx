// A customer's notes: a box to add one (customer_note_add) and the timeline, newest first, as plain text.
import { useState } from "react";
import { Button, Input, Space, Timeline, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { NoteView } from "../../../bindings/NoteView";
import { useDisplay } from "../../../app/shopQueries";
import { formatDate } from "../../../components/format";
import { useErrorNotice } from "../../../components/useErrorNotice";
import { useProfileActions } from "./useProfileActions";

/** Newest first; stored UTC texts of one format sort as text. */
export const newestFirst = (notes: NoteView[]): NoteView[] =>
  [...notes].sort((a, b) => b.created_at.localeCompare(a.created_at) || b.id - a.id);

export function NotesPanel({ id, notes }: { id: number; notes: NoteView[] }) {
  const { t } = useTranslation();
  const { locale, timeZone } = useDisplay();
  const notifyError = useErrorNotice();
  const { note } = useProfileActions(id);
  const [body, setBody] = useState("");
  const empty = body.trim() === "";

  const add = () => {
    if (empty) return;
    note.mutate(body.trim(), { onSuccess: () => setBody(""), onError: notifyError });
  };

  return (
    <Space direction="vertical" size={12} style={{ width: "100%" }}>
      <Input.TextArea
        data-testid="profile-note-input"
        value={body}
        onChange={(e) => setBody(e.target.value)}
        onKeyDown={(e) => { if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) add(); }}
        placeholder={t("profile.notes.placeholder")}
        autoSize={{ minRows: 2, maxRows: 6 }}
      />
      <Button type="primary" onClick={add} disabled={empty} loading={note.isPending} data-testid="profile-note-add">
        {t("profile.notes.add")}
      </Button>
      <div data-testid="profile-notes">
        {notes.length === 0 ? (
          <Typography.Text type="secondary">{t("profile.notes.empty")}</Typography.Text>
        ) : (
          <Timeline style={{ marginTop: 8 }} items={newestFirst(notes).map((n) => ({
            key: n.id,
            children: (
              <div data-testid="profile-note" data-note-id={n.id}>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatDate(n.created_at, locale, timeZone, "dateTime")}
                </Typography.Text>
                <div style={{ whiteSpace: "pre-wrap", wordBreak: "break-word" }}>{n.body}</div>
              </div>
            ),
          }))} />
        )}
      </div>
    </Space>
  );
}
