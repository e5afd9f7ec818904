// The app's colours: the seller's saved choice wins; "system" follows the operating system, live.
import { afterEach, describe, expect, it, vi } from "vitest";
import { act, screen, waitFor } from "@testing-library/react";
import { invoke } from "@tauri-apps/api/core";
import { renderPage } from "../test/render";
import { invokeBy, settings } from "../test/ipcFixtures";
import { useIsDark } from "./theme";
import type { Theme } from "../bindings/Theme";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));
vi.mock("@tauri-apps/api/event", () => ({ listen: vi.fn(async () => () => undefined) }));

const original = window.matchMedia;
afterEach(() => { window.matchMedia = original; });

/** An OS whose dark setting the test flips; returns the flip. */
function systemDark(initial: boolean) {
  let listener: ((e: { matches: boolean }) => void) | null = null;
  const media = {
    matches: initial, media: "", onchange: null, addListener: vi.fn(), removeListener: vi.fn(), dispatchEvent: vi.fn(),
    addEventListener: (_: string, l: (e: { matches: boolean }) => void) => { listener = l; },
    removeEventListener: () => { listener = null; },
  };
  window.matchMedia = vi.fn(() => media) as unknown as typeof window.matchMedia;
  return (dark: boolean) => act(() => { media.matches = dark; listener?.({ matches: dark }); });
}

function Probe() {
  return <output data-testid="dark">{String(useIsDark())}</output>;
}

const withTheme = (theme: Theme) =>
  vi.mocked(invoke).mockImplementation(invokeBy({ settings_get: () => ({ ...settings, theme }) }) as typeof invoke);

describe("theme", () => {
  it("follows the operating system when the choice is system, as it changes", async () => {
    const flip = systemDark(false);
    withTheme("system");
    renderPage("/", <Probe />);
    await waitFor(() => expect(screen.getByTestId("dark")).toHaveTextContent("false"));
    flip(true);
    await waitFor(() => expect(screen.getByTestId("dark")).toHaveTextContent("true"));
    expect(document.documentElement.dataset.theme).toBe("dark");
    expect(document.documentElement.style.colorScheme).toBe("dark");
  });

  it("keeps the seller's choice whatever the system says", async () => {
    systemDark(true);
    withTheme("light");
    renderPage("/", <Probe />);
    await waitFor(() => expect(document.documentElement.dataset.theme).toBe("light"));
    expect(screen.getByTestId("dark")).toHaveTextContent("false");
  });
});
