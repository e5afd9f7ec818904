// The encryption card: turning encryption on asks the new passphrase twice and the acknowledgement that a lost one
// cannot be recovered before calling encryption_enable; Rust's refusal (too short) is shown; changing asks the current
// one too; turning off asks only the current one. The state shown follows what Rust answers.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { fireEvent, screen, waitFor } from "@testing-library/react";
import { invoke } from "@tauri-apps/api/core";
import i18n from "../../app/i18n";
import { renderPage } from "../../test/render";
import { invokeBy } from "../../test/ipcFixtures";
import type { EncryptionReport } from "../../bindings/EncryptionReport";
import { EncryptionCard } from "./EncryptionCard";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));
vi.mock("@tauri-apps/api/event", () => ({ listen: vi.fn(async () => () => undefined) }));

const invoked = vi.mocked(invoke);
const calls = (cmd: string) => invoked.mock.calls.filter(([c]) => c === cmd).map(([, a]) => a);
let encrypted: boolean;
const report = (on: boolean): EncryptionReport => ({
  archive: "laoke.db", encrypted: on, backups_converted: 3, backups_already: 0, backups_unreadable: [],
});

beforeEach(async () => {
  invoked.mockReset();
  encrypted = false;
  invoked.mockImplementation(invokeBy({
    archive_lock: () => ({ encrypted, unlocked: true }),
    backups: () => [],
    // As Rust checks: at least 8 characters, and the current passphrase.
    encryption_enable: ({ passphrase }) => {
      if ((passphrase as string).length < 8) throw { code: "db.passphrase_too_short", message: "short", details: { min: 8 } };
      encrypted = true;
      return report(true);
    },
    encryption_change: ({ current }) => {
      if (current !== "first passphrase") throw { code: "db.passphrase_wrong", message: "wrong", details: { file: "laoke.db" } };
      return report(true);
    },
    encryption_disable: () => {
      encrypted = false;
      return report(false);
    },
  }) as typeof invoke);
  await i18n.changeLanguage("en-US");
});

const type = (testId: string, value: string) => fireEvent.change(screen.getByTestId(testId), { target: { value } });

describe("EncryptionCard", () => {
  it("encrypts only with the passphrase typed twice and the warning acknowledged, and shows Rust's refusal", async () => {
    renderPage("/settings", <EncryptionCard />);
    expect((await screen.findByTestId("encryption-state")).getAttribute("data-encrypted")).toBe("false");
    fireEvent.click(screen.getByTestId("encryption-enable"));
    expect((await screen.findByTestId("encryption-warning")).textContent).toContain("cannot be recovered");

    type("encryption-next", "short");
    type("encryption-confirm", "shorter");
    fireEvent.click(screen.getByTestId("encryption-ok"));
    expect(await screen.findByText("The two passphrases differ.")).toBeTruthy();
    expect(await screen.findByText("Confirm that you understand this.")).toBeTruthy();
    expect(calls("encryption_enable")).toEqual([]);

    type("encryption-confirm", "short");
    fireEvent.click(screen.getByTestId("encryption-understood"));
    fireEvent.click(screen.getByTestId("encryption-ok"));
    expect((await screen.findByTestId("encryption-error")).textContent).toContain("at least 8 characters");

    type("encryption-next", "first passphrase");
    type("encryption-confirm", "first passphrase");
    fireEvent.click(screen.getByTestId("encryption-ok"));
    await waitFor(() => expect(screen.getByTestId("encryption-state").getAttribute("data-encrypted")).toBe("true"));
    expect(calls("encryption_enable")).toEqual([{ passphrase: "short" }, { passphrase: "first passphrase" }]);
  });

  it("changes the passphrase with the current one, and turns encryption off", async () => {
    encrypted = true;
    await i18n.changeLanguage("zh-CN");
    renderPage("/settings", <EncryptionCard />);
    expect((await screen.findByTestId("encryption-state")).textContent).toContain("已加密");
    fireEvent.click(screen.getByTestId("encryption-change"));
    await screen.findByTestId("encryption-current");
    type("encryption-current", "not it");
    type("encryption-next", "second passphrase");
    type("encryption-confirm", "second passphrase");
    fireEvent.click(screen.getByTestId("encryption-understood"));
    fireEvent.click(screen.getByTestId("encryption-ok"));
    expect((await screen.findByTestId("encryption-error")).textContent).toContain("密码不对");
    type("encryption-current", "first passphrase");
    fireEvent.click(screen.getByTestId("encryption-ok"));
    await waitFor(() => expect(screen.queryByTestId("encryption-current")).toBeNull());
    expect(calls("encryption_change")).toEqual([
      { current: "not it", next: "second passphrase" }, { current: "first passphrase", next: "second passphrase" },
    ]);

    fireEvent.click(screen.getByTestId("encryption-disable"));
    expect(screen.queryByTestId("encryption-next")).toBeNull();
    await screen.findByTestId("encryption-current");
    type("encryption-current", "second passphrase");
    fireEvent.click(screen.getByTestId("encryption-ok"));
    await waitFor(() => expect(screen.getByTestId("encryption-state").getAttribute("data-encrypted")).toBe("false"));
    expect(calls("encryption_disable")).toEqual([{ current: "second passphrase" }]);
  });

  it("keeps the dialog open while the files are rewritten: no close button, Cancel disabled, Esc ignored", async () => {
    encrypted = true;
    let finish: (r: EncryptionReport) => void = () => undefined;
    invoked.mockImplementation(invokeBy({
      archive_lock: () => ({ encrypted, unlocked: true }),
      backups: () => [],
      encryption_disable: () => new Promise<EncryptionReport>((resolve) => {
        finish = (r) => { encrypted = false; resolve(r); };
      }),
    }) as typeof invoke);
    renderPage("/settings", <EncryptionCard />);
    fireEvent.click(await screen.findByTestId("encryption-disable"));
    await screen.findByTestId("encryption-current");
    type("encryption-current", "second passphrase");
    fireEvent.click(screen.getByTestId("encryption-ok"));
    await waitFor(() => expect(calls("encryption_disable")).toHaveLength(1));
    await waitFor(() => expect(screen.getByRole("button", { name: "Cancel" })).toBeDisabled());
    expect(screen.queryByRole("button", { name: "Close" })).toBeNull();
    fireEvent.keyDown(screen.getByRole("dialog"), { key: "Escape" });
    expect(screen.getByTestId("encryption-current")).toBeTruthy();

    finish(report(false));
    await waitFor(() => expect(screen.queryByTestId("encryption-current")).toBeNull());
    expect(screen.getByTestId("encryption-state").getAttribute("data-encrypted")).toBe("false");
  });
});
