// The profile drawer shows one customer's facts and sends the seller's edits, tags, notes and DND to Rust.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { invoke } from "@tauri-apps/api/core";
import i18n from "../../../app/i18n";
import { renderPage } from "../../../test/render";
import { invokeBy, settings } from "../../../test/ipcFixtures";
import type { CustomerProfile } from "../../../bindings/CustomerProfile";
import { ProfileDrawer } from "./ProfileDrawer";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));
vi.mock("@tauri-apps/api/event", () => ({ listen: vi.fn(async () => () => undefined) }));

const invoked = vi.mocked(invoke);
const callsOf = (cmd: string) => invoked.mock.calls.filter(([c]) => c === cmd).map(([, args]) => args);

function profile(): CustomerProfile {
  return {
    id: 7, platform: "taobao", buyer_id: "tb_xiaolu88", nick: "小鹿",
    contact: { name: "李小鹿", phone: "13800001111", email: null, wechat: null, province: "浙江省", city: "杭州市",
      address: null, birthday: "1990-08-15", birthday_lunar: true, gender: "f", hobbies: null, dnd: false },
    next_birthday: "2026-09-25", tags: ["回头客", "爱买连衣裙"], shops: ["小鱼手作铺"],
    notes: [
      { id: 1, body: "older note", created_at: "2026-01-05T02:00:00Z" },
      { id: 2, body: "prefers SF Express\nno calls after 9pm", created_at: "2026-03-01T02:00:00Z" },
    ],
    facts: { orders: 6, purchases: 5, value: "1234.50", refunds: "99.00", aov: "246.90", days_between_purchases: "32.5",
      first_purchase: "2025-01-02T03:04:05Z", last_purchase: "2025-11-02T17:30:00Z",
      first_order: "2025-01-02T03:04:05Z", last_order: "2025-11-02T17:30:00Z" },
    stage: "loyal", stage_since: "2025-11-03", stage_history: [
      { from: null, to: "new", on: "2025-01-02" }, { from: "new", to: "loyal", on: "2025-11-03" },
    ],
    rfm: "champions", rfm_cell: "R5F5M4", tier: "VIP2", tier_since: "2026-02-01", tier_pinned: false,
    tier_downgrade_due: "2027-01-31",
    tier_history: [{ from: null, to: "VIP1", on: "2025-06-01", reason: "ladder" }, { from: "VIP1", to: "VIP2", on: "2026-02-01", reason: "purchase" }],
    items: [{ title: "碎花连衣裙", category: null, quantity: 4, orders: 3 }],
    orders: [{ order_no: "T20251102", platform: "taobao", shop: "小鱼手作铺", cod: false, status: "completed", created_at: "2025-11-02T17:30:00Z",
      value: "299.00", purchase: true, items: [{ title: "碎花连衣裙", sku: "M 红色", quantity: 1, unit_price: "299.00" }] }],
    identities: [{ customer_id: 9, platform: "tmall", buyer_id: "tm_lu", nick: "小鹿天猫" }],
    created_at: "2025-01-02T03:04:05Z", p_alive: "0.8123", expected_90d: "1.2345", clv: "512.30",
  };
}

function answer(extra: Record<string, (args: Record<string, unknown>) => unknown> = {}) {
  invoked.mockImplementation(invokeBy({
    settings_get: () => settings,
    customer_profile: () => profile(),
    tags_list: () => ["回头客", "爱买连衣裙", "VIP客户"],
    tier_state: () => tierState, tier_pin: () => null,
    customer_update: () => null, customer_tag: () => null, customer_untag: () => null, customer_note_add: () => null,
    ...extra,
  }) as typeof invoke);
}

const tierState = {
  applied: true, tiers: [], no_tier: 0, pinned: 0,
  ladder: { window: "lifetime", review: "yearly", grace_days: 30, tiers: ["VIP1", "VIP2", "VIP3"].map((name, i) => ({
    name, min_value: String(100 * (i + 1)), min_purchases: null, combine: "or", discount: "0.9", benefits: "",
    color: i === 1 ? "#722ed1" : null,
  })) },
};

async function open() {
  renderPage("/customers", <ProfileDrawer customerId={7} onClose={() => undefined} />);
  await screen.findByTestId("profile-nick");
  return screen.getByTestId("profile-drawer");
}

/** rc-input handles Enter once per key press: it waits for the key to come up again. */
function pressEnter(el: HTMLElement) {
  fireEvent.keyDown(el, { key: "Enter", code: "Enter", keyCode: 13 });
  fireEvent.keyUp(el, { key: "Enter", code: "Enter", keyCode: 13 });
}

beforeEach(async () => {
  invoked.mockReset();
  await i18n.changeLanguage("en-US");
});

describe("ProfileDrawer", () => {
  it("is closed and asks nothing without a customer", () => {
    answer();
    renderPage("/customers", <ProfileDrawer customerId={null} onClose={() => undefined} />);
    expect(screen.queryByTestId("profile-drawer")).not.toBeInTheDocument();
    expect(callsOf("customer_profile")).toHaveLength(0);
  });

  it("shows who the customer is and the key facts", async () => {
    answer();
    const drawer = await open();
    expect(callsOf("customer_profile")[0]).toEqual({ id: 7 });
    expect(screen.getByTestId("profile-nick")).toHaveTextContent("小鹿");
    expect(within(drawer).getByTestId("profile-buyer-id")).toHaveTextContent("tb_xiaolu88");
    expect(screen.getByTestId("profile-stage")).toHaveTextContent("Loyal · since 11/03/2025");
    expect(screen.getByTestId("profile-rfm")).toHaveTextContent("Champions · R5F5M4");
    expect(screen.getByTestId("profile-tier")).toHaveTextContent("VIP2");
    const facts = screen.getByTestId("profile-facts");
    expect(screen.getByTestId("profile-value")).toHaveTextContent("CN¥1,234.50");
    expect(facts).toHaveTextContent("CN¥246.90");
    expect(facts).toHaveTextContent("CN¥99.00");
    expect(facts).toHaveTextContent("32.5 days");
    expect(facts).toHaveTextContent("11/03/2025"); // last purchase, 17:30Z is 3 Nov in Shanghai
    expect(screen.getByTestId("profile-birthday")).toHaveTextContent("Sep 25, 2026");
    expect(screen.getByTestId("profile-birthday-lunar")).toHaveTextContent("Lunar 8/15");
    expect(within(screen.getByTestId("profile-items")).getByText("碎花连衣裙")).toBeInTheDocument();
    const history = screen.getByTestId("profile-stage-history");
    expect(history.textContent).toMatch(/New → Loyal.*Became New/);
    expect(within(screen.getByTestId("profile-identities")).getByText("小鹿天猫")).toBeInTheDocument();
  });

  it("shows the forecast: chance still buying, purchases expected in 90 days and the next year's value", async () => {
    answer();
    await open();
    expect(screen.getByTestId("profile-p-alive")).toHaveTextContent("81.2%");
    expect(screen.getByTestId("profile-expected-90d")).toHaveTextContent("1.23");
    expect(screen.getByTestId("profile-clv")).toHaveTextContent("CN¥512.30");
    expect(screen.queryByTestId("profile-no-forecast")).not.toBeInTheDocument();
  });

  it("says there is no forecast yet when the model has none", async () => {
    answer({ customer_profile: () => ({ ...profile(), p_alive: null, expected_90d: null, clv: null }) });
    await open();
    const none = screen.getAllByTestId("profile-no-forecast");
    expect(none).toHaveLength(3);
    expect(none[0]).toHaveTextContent("—");
    fireEvent.mouseOver(none[0]);
    expect(await screen.findByText(/No forecast yet/)).toBeInTheDocument();
  });

  it("shows the tier in its ladder colour, its history, and pins it by hand", async () => {
    answer();
    await open();
    await waitFor(() => expect(screen.getByTestId("profile-tier")).toHaveAttribute("data-color", "#722ed1"));
    const card = screen.getByTestId("profile-tier-card");
    expect(card).toHaveTextContent("since 02/01/2026");
    expect(screen.getByTestId("profile-tier-downgrade")).toHaveTextContent("drops on 01/31/2027");
    expect(screen.getByTestId("profile-tier-history").textContent).toMatch(/VIP1 → VIP2.*upgraded by a purchase.*No tier → VIP1.*ladder applied/);
    expect(screen.queryByTestId("profile-tier-unpin")).not.toBeInTheDocument();
    fireEvent.mouseDown(within(screen.getByTestId("profile-tier-pin")).getByRole("combobox"));
    fireEvent.click(await screen.findByTitle("VIP3"));
    await waitFor(() => expect(callsOf("tier_pin")).toEqual([{ customer: 7, tier: "VIP3" }]));
  });

  it("adds a tag through customer_tag and refreshes the profile", async () => {
    answer();
    await open();
    fireEvent.click(screen.getByTestId("profile-tab-tags"));
    const chips = await screen.findAllByTestId("profile-tag");
    expect(chips.map((c) => c.textContent)).toEqual(["回头客", "爱买连衣裙"]);
    expect(screen.getByTestId("profile-tag-add")).toBeDisabled();
    fireEvent.change(screen.getByTestId("profile-tag-input"), { target: { value: "  VIP  " } });
    fireEvent.click(screen.getByTestId("profile-tag-add"));
    await waitFor(() => expect(callsOf("customer_tag")).toEqual([{ id: 7, tag: "VIP" }]));
    await waitFor(() => expect(callsOf("customer_profile").length).toBeGreaterThan(1)); // ["customers"] invalidated
    await waitFor(() => expect(screen.getByTestId("profile-tag-input")).toHaveValue(""));
  });

  it("adds the typed tag on Enter, and only the suggestion when one is picked with the keyboard", async () => {
    answer();
    await open();
    fireEvent.click(screen.getByTestId("profile-tab-tags"));
    const input = await screen.findByTestId("profile-tag-input");
    fireEvent.change(input, { target: { value: "VIP" } });
    pressEnter(input);
    await waitFor(() => expect(callsOf("customer_tag")).toEqual([{ id: 7, tag: "VIP" }]));
    await waitFor(() => expect(input).toHaveValue(""));
    fireEvent.change(input, { target: { value: "VIP" } });
    await screen.findByTitle("VIP客户"); // known tags not on the customer are suggested
    fireEvent.keyDown(input, { key: "ArrowDown", code: "ArrowDown", keyCode: 40 });
    pressEnter(input);
    await waitFor(() => expect(callsOf("customer_tag")).toHaveLength(2));
    await new Promise((r) => setTimeout(r, 50));
    expect(callsOf("customer_tag")).toEqual([{ id: 7, tag: "VIP" }, { id: 7, tag: "VIP客户" }]);
  });

  it("removes a tag through customer_untag", async () => {
    answer();
    await open();
    fireEvent.click(screen.getByTestId("profile-tab-tags"));
    const chip = (await screen.findAllByTestId("profile-tag"))[1];
    fireEvent.click(within(chip).getByLabelText("Remove tag 爱买连衣裙"));
    await waitFor(() => expect(callsOf("customer_untag")).toEqual([{ id: 7, tag: "爱买连衣裙" }]));
  });

  it("shows a rejected tag next to the input", async () => {
    answer({ customer_tag: () => { throw { code: "tag.too_long", message: "a tag has at most 30 characters", details: { max: 30 } }; } });
    await open();
    fireEvent.click(screen.getByTestId("profile-tab-tags"));
    fireEvent.change(await screen.findByTestId("profile-tag-input"), { target: { value: "x".repeat(31) } });
    fireEvent.click(screen.getByTestId("profile-tag-add"));
    expect(await screen.findByTestId("profile-tag-error")).toHaveTextContent("A tag has at most 30 characters.");
  });

  it("lists notes newest first as plain text and adds one through customer_note_add", async () => {
    answer();
    await open();
    fireEvent.click(screen.getByTestId("profile-tab-tags"));
    const notes = await screen.findAllByTestId("profile-note");
    expect(notes[0]).toHaveTextContent("prefers SF Express");
    expect(notes[1]).toHaveTextContent("older note");
    expect(within(notes[0]).getByText(/prefers SF Express/)).toHaveStyle({ whiteSpace: "pre-wrap" });
    expect(notes[0]).toHaveTextContent("03/01/2026, 10:00");
    const add = screen.getByTestId("profile-note-add");
    expect(add).toBeDisabled();
    fireEvent.change(screen.getByTestId("profile-note-input"), { target: { value: "   " } });
    expect(add).toBeDisabled();
    fireEvent.change(screen.getByTestId("profile-note-input"), { target: { value: "<b>asked for</b>\nsize M " } });
    fireEvent.click(add);
    await waitFor(() => expect(callsOf("customer_note_add")).toEqual([{ id: 7, body: "<b>asked for</b>\nsize M" }]));
    await waitFor(() => expect(screen.getByTestId("profile-note-input")).toHaveValue(""));
  });

  it("saves the edited contact block through customer_update", async () => {
    answer();
    await open();
    fireEvent.click(screen.getByTestId("profile-tab-contact"));
    const phone = await screen.findByTestId("profile-field-phone");
    expect(phone).toHaveValue("13800001111");
    fireEvent.change(phone, { target: { value: " 13900002222 " } });
    fireEvent.change(screen.getByTestId("profile-field-wechat"), { target: { value: "lulu_wx" } });
    fireEvent.change(screen.getByTestId("profile-field-city"), { target: { value: "" } });
    fireEvent.change(screen.getByTestId("profile-field-birthday"), { target: { value: "1990-02-30" } });
    fireEvent.click(screen.getByTestId("profile-save"));
    await waitFor(() => expect(callsOf("customer_update")).toHaveLength(1));
    expect(callsOf("customer_update")[0]).toEqual({
      id: 7,
      edit: { name: "李小鹿", phone: "13900002222", email: null, wechat: "lulu_wx", province: "浙江省", city: null,
        address: null, birthday: "1990-02-30", birthday_lunar: true, gender: "f", hobbies: null, dnd: false },
    });
    expect(await screen.findByText("Contact details saved.")).toBeInTheDocument();
  });

  it("shows a rejected edit next to the field its code is about", async () => {
    answer({ customer_update: () => {
      throw { code: "profile.email_invalid", message: "email: not an email address", details: { value: "lu.example.com" } };
    } });
    await open();
    fireEvent.click(screen.getByTestId("profile-tab-contact"));
    fireEvent.change(await screen.findByTestId("profile-field-email"), { target: { value: "lu.example.com" } });
    fireEvent.click(screen.getByTestId("profile-save"));
    expect(await screen.findByText("“lu.example.com” is not an email address (it has no @).", {}, { timeout: 15000 })).toBeInTheDocument();
    expect(callsOf("customer_update")[0]).toMatchObject({ edit: { email: "lu.example.com" } });
  });

  it("shows other save failures as an alert", async () => {
    answer({ customer_update: () => { throw { code: "db.query", message: "disk I/O error", details: null }; } });
    await open();
    fireEvent.click(screen.getByTestId("profile-tab-contact"));
    fireEvent.click(await screen.findByTestId("profile-save"));
    const alert = await screen.findByTestId("profile-save-error");
    expect(alert).toHaveAttribute("data-code", "db.query");
    expect(alert).toHaveTextContent("Reading the customer database failed.");
    expect(alert).not.toHaveTextContent("disk I/O error"); // English for the log, never on the screen
  });

  it("turns DND on at once with the saved contact block", async () => {
    answer();
    await open();
    const dnd = screen.getByTestId("profile-dnd");
    expect(dnd).not.toBeChecked();
    fireEvent.click(dnd);
    await waitFor(() => expect(callsOf("customer_update")).toEqual([{ id: 7, edit: { ...profile().contact, dnd: true } }]));
  });

  it("records a message the seller sent by hand through care_record_manual", async () => {
    answer({ care_record_manual: () => ({}) });
    await open();
    fireEvent.click(screen.getByTestId("profile-record-message"));
    const modal = await screen.findByTestId("profile-record-modal");
    expect(screen.getByTestId("profile-record-save")).toBeDisabled();
    fireEvent.click(within(modal).getByText("WeChat"));
    fireEvent.click(within(modal).getByText("Marketing"));
    fireEvent.change(within(modal).getByTestId("profile-record-text"), { target: { value: "  双12 给你留了券  " } });
    fireEvent.click(screen.getByTestId("profile-record-save"));
    await waitFor(() => expect(callsOf("care_record_manual")).toEqual([
      { customerId: 7, channel: "wechat", priority: "marketing", text: "双12 给你留了券" },
    ]));
    expect(await screen.findByText("Recorded.")).toBeInTheDocument();
  });

  it("lists orders with translated status and expandable lines", async () => {
    answer();
    await open();
    fireEvent.click(screen.getByTestId("profile-tab-orders"));
    const table = await screen.findByTestId("profile-orders");
    expect(within(table).getByText("T20251102")).toBeInTheDocument();
    expect(within(table).getByText("Completed")).toBeInTheDocument();
    expect(within(table).getByText("CN¥299.00")).toBeInTheDocument();
    expect(within(table).getByText("11/03/2025, 01:30")).toBeInTheDocument();
    fireEvent.click(within(table).getByRole("button", { name: /expand/i }));
    expect(await within(table).findByText("M 红色")).toBeInTheDocument();
  });
});
