// Undoing a merge asks first, then calls customer_unmerge with the merged identity's customer id.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { fireEvent, screen, waitFor } from "@testing-library/react";
import { invoke } from "@tauri-apps/api/core";
import i18n from "../../../app/i18n";
import { renderPage } from "../../../test/render";
import { invokeBy } from "../../../test/ipcFixtures";
import { UndoMerge } from "./UndoMerge";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));
vi.mock("@tauri-apps/api/event", () => ({ listen: vi.fn(async () => () => undefined) }));
const invoked = vi.mocked(invoke);

beforeEach(async () => {
  invoked.mockReset();
  invoked.mockImplementation(invokeBy({ customer_unmerge: () => null }) as typeof invoke);
  await i18n.changeLanguage("en-US");
});

describe("UndoMerge", () => {
  it("confirms, then takes the identity back out", async () => {
    renderPage("/customers", <UndoMerge customerId={42} />);
    fireEvent.click(screen.getByTestId("profile-unmerge"));
    expect(invoked).not.toHaveBeenCalledWith("customer_unmerge", expect.anything());
    fireEvent.click(await screen.findByText("OK"));
    await waitFor(() => expect(invoked).toHaveBeenCalledWith("customer_unmerge", { id: 42 }));
    expect(await screen.findByText("Merge undone.")).toBeInTheDocument();
  });
});
