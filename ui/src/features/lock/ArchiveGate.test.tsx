// The unlock screen: an encrypted archive the app holds no key for shows only the unlock screen; a wrong passphrase
// shows Rust's db.passphrase_wrong in the current language and keeps the app closed; the right one opens it. A plain
// archive, or no answer at all (no desktop runtime), shows the app.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { fireEvent, render, screen } from "@testing-library/react";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { invoke } from "@tauri-apps/api/core";
import i18n from "../../app/i18n";
import { invokeBy } from "../../test/ipcFixtures";
import { ArchiveGate } from "./ArchiveGate";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));

const invoked = vi.mocked(invoke);
const calls = (cmd: string) => invoked.mock.calls.filter(([c]) => c === cmd);

function gate() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <ArchiveGate><div data-testid="the-app">app</div></ArchiveGate>
    </QueryClientProvider>,
  );
}

let unlocked: boolean;
beforeEach(async () => {
  invoked.mockReset();
  unlocked = false;
  invoked.mockImplementation(invokeBy({
    archive_lock: () => ({ encrypted: true, unlocked }),
    // As Rust's Archive::unlock answers.
    archive_unlock: ({ passphrase }) => {
      if (passphrase !== "马到成功 right") throw { code: "db.passphrase_wrong", message: "wrong", details: { file: "laoke.db" } };
      unlocked = true;
      return null;
    },
  }) as typeof invoke);
});

describe("ArchiveGate", () => {
  it("shows only the unlock screen until the right passphrase is given", async () => {
    await i18n.changeLanguage("zh-CN");
    gate();
    await screen.findByTestId("unlock-screen");
    expect(screen.queryByTestId("the-app")).toBeNull();
    expect(screen.getByText("客户档案已加密")).toBeTruthy();
    expect(screen.getByText(/密码无法找回/)).toBeTruthy();

    const input = screen.getByTestId("unlock-passphrase");
    expect(input.getAttribute("type")).toBe("password");
    fireEvent.change(input, { target: { value: "wrong one" } });
    fireEvent.click(screen.getByTestId("unlock-submit"));
    const error = await screen.findByTestId("unlock-error");
    expect(error.getAttribute("data-code")).toBe("db.passphrase_wrong");
    expect(error.textContent).toContain("密码不对");
    expect(screen.queryByTestId("the-app")).toBeNull();

    fireEvent.change(input, { target: { value: "马到成功 right" } });
    expect(screen.queryByTestId("unlock-error")).toBeNull();
    fireEvent.click(screen.getByTestId("unlock-submit"));
    await screen.findByTestId("the-app");
    expect(screen.queryByTestId("unlock-screen")).toBeNull();
    expect(calls("archive_unlock").map(([, a]) => a)).toEqual([{ passphrase: "wrong one" }, { passphrase: "马到成功 right" }]);
  });

  it("shows the app at once for a plain archive, and when the lock cannot be asked", async () => {
    invoked.mockImplementation(invokeBy({ archive_lock: () => ({ encrypted: false, unlocked: true }) }) as typeof invoke);
    const plain = gate();
    await screen.findByTestId("the-app");
    plain.unmount();
    invoked.mockImplementation(invokeBy({}) as typeof invoke);
    gate();
    await screen.findByTestId("the-app");
    expect(screen.queryByTestId("unlock-screen")).toBeNull();
  });
});

describe("a db.locked answer", () => {
  it("brings the unlock screen back (the archive was encrypted from the command line while the app ran)", async () => {
    const { createQueryClient } = await import("../../app/queryClient");
    const { useQuery } = await import("@tanstack/react-query");
    let encrypted = false;
    invoked.mockImplementation(invokeBy({
      archive_lock: () => ({ encrypted, unlocked: !encrypted }),
      app_info: () => {
        throw { code: "db.locked", message: "locked", details: { file: "laoke.db" } };
      },
    }) as typeof invoke);
    function Page() {
      const info = useQuery({ queryKey: ["info", "page"], queryFn: () => invoke("app_info") });
      return <div data-testid="the-app">{info.isError ? "failed" : "app"}</div>;
    }
    const client = createQueryClient();
    render(<QueryClientProvider client={client}><ArchiveGate><Page /></ArchiveGate></QueryClientProvider>);
    await screen.findByTestId("the-app");
    encrypted = true;
    await client.invalidateQueries({ queryKey: ["info", "page"], exact: true });
    await screen.findByTestId("unlock-screen");
  });
});
