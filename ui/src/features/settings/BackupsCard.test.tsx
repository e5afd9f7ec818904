// Backups card: the schedule saved through backup_schedule_save (Rust's refusal shown), a backup now to the file chosen
// in the save dialog, the automatic backups listed, and a restore that always shows the backup's preview first and
// calls backup_restore only on confirming; a backup from a newer Laoke cannot be restored; an older one is upgraded.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { invoke } from "@tauri-apps/api/core";
import { open, save } from "@tauri-apps/plugin-dialog";
import i18n from "../../app/i18n";
import { queryKeys } from "../../app/queryKeys";
import { renderPage } from "../../test/render";
import { invokeBy } from "../../test/ipcFixtures";
import type { BackupInfo } from "../../bindings/BackupInfo";
import type { BackupPreview } from "../../bindings/BackupPreview";
import type { BackupSchedule } from "../../bindings/BackupSchedule";
import { formatDate } from "../../components/format";
import { BackupsCard } from "./BackupsCard";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));
vi.mock("@tauri-apps/api/event", () => ({ listen: vi.fn(async () => () => undefined) }));
vi.mock("@tauri-apps/plugin-dialog", () => ({ save: vi.fn(), open: vi.fn() }));

const invoked = vi.mocked(invoke);
const calls = (cmd: string) => invoked.mock.calls.filter(([c]) => c === cmd);

const FOLDER = "laoke-data/backups";
const list: BackupInfo[] = [
  { name: "laoke-2026-12-04T080000Z.db", path: `${FOLDER}/laoke-2026-12-04T080000Z.db`, bytes: 5 * 1024 * 1024 + 300 * 1024 },
  { name: "laoke-2026-12-03T080000Z.db", path: `${FOLDER}/laoke-2026-12-03T080000Z.db`, bytes: 900 },
];
const preview = (path: string, schema_version = 12): BackupPreview => ({
  path, bytes: 5 * 1024 * 1024 + 300 * 1024, schema_version, current_schema: 12, customers: 1234, orders: 5678,
  last_import: "2026-12-03T22:15:00Z",
});
let schedule: BackupSchedule;

beforeEach(async () => {
  invoked.mockReset();
  vi.mocked(save).mockReset();
  vi.mocked(open).mockReset();
  schedule = { daily: true, keep: 10 };
  invoked.mockImplementation(invokeBy({
    backups: () => list,
    backup_schedule: () => schedule,
    // As Rust's set_backup_schedule checks it.
    backup_schedule_save: ({ schedule: s }) => {
      const next = s as BackupSchedule;
      if (next.keep < 1 || next.keep > 365) throw { code: "backup.keep_invalid", message: "keep", details: { keep: next.keep } };
      schedule = next;
      return next;
    },
    backup_create: ({ path }) => ({ name: "laoke-backup-2026-12-04.db", path: path as string, bytes: 4096 }),
    backup_preview: ({ path }) => preview(path as string, (path as string).includes("newer") ? 13 : (path as string).includes("old") ? 9 : 12),
    backup_restore: ({ path }) => preview(path as string),
  }) as typeof invoke);
  await i18n.changeLanguage("en-US");
});

describe("BackupsCard", () => {
  it("saves the daily switch and the number kept through backup_schedule_save, and shows Rust's refusal", async () => {
    renderPage("/settings", <BackupsCard />);
    const keep = await screen.findByTestId("backups-keep");
    await waitFor(() => expect(keep).toHaveValue("10"));
    expect(screen.getByTestId("backups-daily")).toBeChecked();
    expect(screen.getByTestId("backups-schedule-save")).toBeDisabled();

    fireEvent.change(keep, { target: { value: "0" } });
    fireEvent.click(screen.getByTestId("backups-schedule-save"));
    const refused = await screen.findByTestId("backups-schedule-error");
    expect(refused).toHaveAttribute("data-code", "backup.keep_invalid");
    expect(refused).toHaveTextContent("Keep between 1 and 365 backups.");

    // An emptied box cannot be sent at all.
    fireEvent.change(keep, { target: { value: "" } });
    expect(screen.queryByTestId("backups-schedule-error")).not.toBeInTheDocument();
    expect(screen.getByTestId("backups-schedule-save")).toBeDisabled();

    fireEvent.change(keep, { target: { value: "30" } });
    fireEvent.click(screen.getByTestId("backups-daily"));
    fireEvent.click(screen.getByTestId("backups-schedule-save"));
    await waitFor(() => expect(calls("backup_schedule_save")).toHaveLength(2));
    expect(calls("backup_schedule_save")[1][1]).toEqual({ schedule: { daily: false, keep: 30 } });
    expect(await screen.findByText("Backup settings saved.")).toBeInTheDocument();
    expect(schedule).toEqual({ daily: false, keep: 30 });
    await waitFor(() => expect(screen.getByTestId("backups-schedule-save")).toBeDisabled());
    expect(screen.getByTestId("backups-daily")).not.toBeChecked();
  });

  it("backs up now to the file chosen in the save dialog and names it", async () => {
    vi.mocked(save).mockResolvedValue("/media/usb/laoke-backup-2026-12-04.db");
    renderPage("/settings", <BackupsCard />);
    fireEvent.click(await screen.findByTestId("backups-now"));
    await waitFor(() => expect(calls("backup_create")).toHaveLength(1));
    expect(calls("backup_create")[0][1]).toEqual({ path: "/media/usb/laoke-backup-2026-12-04.db" });
    const options = vi.mocked(save).mock.calls[0][0]!;
    expect(options.defaultPath).toMatch(/^laoke-backup-\d{4}-\d{2}-\d{2}\.db$/);
    expect(options.filters).toEqual([{ name: "Laoke backups (*.db)", extensions: ["db"] }]);
    expect(await screen.findByText("Backed up to /media/usb/laoke-backup-2026-12-04.db")).toBeInTheDocument();
  });

  it("does nothing when the save dialog is cancelled", async () => {
    vi.mocked(save).mockResolvedValue(null);
    renderPage("/settings", <BackupsCard />);
    fireEvent.click(await screen.findByTestId("backups-now"));
    await waitFor(() => expect(save).toHaveBeenCalledTimes(1));
    await new Promise((resolve) => setTimeout(resolve, 50)); // let the mutation settle
    expect(calls("backup_create")).toHaveLength(0);
    expect(screen.queryByText(/Backed up to/)).not.toBeInTheDocument();
  });

  it("lists the automatic backups with their size, and restores one only after its preview is confirmed", async () => {
    const { client } = renderPage("/settings", <BackupsCard />);
    const rows = await screen.findAllByTestId("backup-row");
    expect(rows.map((r) => r.getAttribute("data-name"))).toEqual(list.map((b) => b.name));
    expect(rows[0]).toHaveTextContent("5.3 MB");
    expect(rows[1]).toHaveTextContent("900 B");

    fireEvent.click(within(rows[0]).getByTestId(`backup-restore-${list[0].name}`));
    const box = await screen.findByTestId("backup-preview");
    await waitFor(() => expect(within(box).getByTestId("backup-preview-counts")).toHaveTextContent("1,234 customers, 5,678 orders"));
    expect(calls("backup_preview")[0][1]).toEqual({ path: list[0].path });
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    expect(within(box).getByTestId("backup-preview-last-import"))
      .toHaveTextContent(formatDate("2026-12-03T22:15:00Z", "en-US", zone, "dateTime"));
    expect(within(box).getByTestId("backup-preview-schema")).toHaveTextContent("12");
    expect(box).toHaveTextContent("The current data is backed up first");
    expect(screen.queryByTestId("backup-preview-older")).not.toBeInTheDocument();
    expect(calls("backup_restore")).toHaveLength(0);

    // Cancelling restores nothing.
    fireEvent.click(screen.getByRole("button", { name: "Cancel" }));
    await waitFor(() => expect(screen.queryByTestId("backup-preview")).not.toBeInTheDocument());
    expect(calls("backup_restore")).toHaveLength(0);

    const listed = calls("backups").length;
    const restoreRow = (await screen.findAllByTestId("backup-row"))[1];
    fireEvent.click(within(restoreRow).getByTestId(`backup-restore-${list[1].name}`));
    await screen.findByTestId("backup-preview-counts");
    expect(calls("backup_restore")).toHaveLength(0);
    fireEvent.click(screen.getByTestId("backup-restore-confirm"));
    await waitFor(() => expect(calls("backup_restore")).toHaveLength(1));
    expect(calls("backup_restore")[0][1]).toEqual({ path: list[1].path });
    expect(await screen.findByText("Backup restored: 1,234 customers, 5,678 orders.")).toBeInTheDocument();
    // The backup list is read again (the restore left a backup of the state before it).
    await waitFor(() => expect(calls("backups").length).toBeGreaterThan(listed));
    expect(client.getQueryState(queryKeys.backups())?.isInvalidated ?? false).toBe(false);
  });

  it("restores from a file chosen in the open dialog; a newer backup cannot be restored, an older one is upgraded", async () => {
    vi.mocked(open).mockResolvedValue("/media/usb/newer.db");
    renderPage("/settings", <BackupsCard />);
    fireEvent.click(await screen.findByTestId("backups-restore-file"));
    const newer = await screen.findByTestId("backup-preview-newer");
    expect(vi.mocked(open).mock.calls[0][0]).toMatchObject({ multiple: false, filters: [{ name: "Laoke backups (*.db)", extensions: ["db"] }] });
    expect(calls("backup_preview")[0][1]).toEqual({ path: "/media/usb/newer.db" });
    expect(newer).toHaveTextContent("made by a newer version of Laoke (schema 13; this version reads up to 12)");
    expect(screen.getByTestId("backup-restore-confirm")).toBeDisabled();
    fireEvent.click(screen.getByTestId("backup-restore-confirm"));
    expect(calls("backup_restore")).toHaveLength(0);
    fireEvent.click(screen.getByRole("button", { name: "Cancel" }));
    await waitFor(() => expect(screen.queryByTestId("backup-preview")).not.toBeInTheDocument());

    vi.mocked(open).mockResolvedValue("/media/usb/old.db");
    fireEvent.click(screen.getByTestId("backups-restore-file"));
    expect(await screen.findByTestId("backup-preview-older"))
      .toHaveTextContent("older version of Laoke (schema 9). It is upgraded to schema 12 as it is restored.");
    await waitFor(() => expect(screen.getByTestId("backup-restore-confirm")).toBeEnabled());
    fireEvent.click(screen.getByTestId("backup-restore-confirm"));
    await waitFor(() => expect(calls("backup_restore")).toHaveLength(1));
    expect(calls("backup_restore")[0][1]).toEqual({ path: "/media/usb/old.db" });
  });

  it("shows why a file is no backup, with nothing to restore", async () => {
    vi.mocked(open).mockResolvedValue("notes.txt");
    invoked.mockImplementation(invokeBy({
      backups: () => [], backup_schedule: () => schedule,
      backup_preview: () => { throw { code: "backup.not_an_archive", message: "x", details: { file: "notes.txt" } }; },
    }) as typeof invoke);
    renderPage("/settings", <BackupsCard />);
    expect(await screen.findByText("No automatic backups yet.")).toBeInTheDocument();
    fireEvent.click(screen.getByTestId("backups-restore-file"));
    expect(await screen.findByTestId("backup-preview-error")).toHaveTextContent("notes.txt is not a Laoke backup.");
    expect(screen.getByTestId("backup-restore-confirm")).toBeDisabled();
  });

  it("speaks Chinese", async () => {
    await i18n.changeLanguage("zh-CN");
    vi.mocked(open).mockResolvedValue("/media/usb/newer.db");
    renderPage("/settings", <BackupsCard />);
    expect(await screen.findByText("每天自动备份")).toBeInTheDocument();
    fireEvent.click(screen.getByTestId("backups-restore-file"));
    expect(await screen.findByTestId("backup-preview-newer")).toHaveTextContent("请先升级老客再恢复");
    expect(screen.getByTestId("backup-preview-counts")).toHaveTextContent("1,234 位客户，5,678 笔订单");
  });
});
