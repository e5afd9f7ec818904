// The Care page: the day's worklist by channel (Copy writes the text and marks it copied; SMS export; email with its
// report), skipped messages with their reason and who took their place, the rule editor showing Rust's refusal and
// preview, the calendar's festivals and statutory days, the settings — in both languages, with no key left unworded.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { invoke } from "@tauri-apps/api/core";
import { writeText } from "@tauri-apps/plugin-clipboard-manager";
import i18n from "../../app/i18n";
import { renderPage } from "../../test/render";
import { customer, invokeBy, settings } from "../../test/ipcFixtures";
import { BIRTHDAY_KEY, calendar, dayMessages, rules } from "../../test/careFixtures";
import type { ActivityStepItem } from "../../bindings/ActivityStepItem";
import type { CareRule } from "../../bindings/CareRule";
import { CarePage } from "./CarePage";
import { addDays, todayIn } from "./careModel";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));
vi.mock("@tauri-apps/api/event", () => ({ listen: vi.fn(async () => () => undefined) }));
vi.mock("@tauri-apps/plugin-clipboard-manager", () => ({ writeText: vi.fn(async () => undefined) }));
vi.mock("@tauri-apps/plugin-dialog", () => ({ save: vi.fn(async () => "/tmp/短信名单.csv"), open: vi.fn() }));

const invoked = vi.mocked(invoke);
const calls = (cmd: string) => invoked.mock.calls.filter(([c]) => c === cmd);
const today = todayIn("Asia/Shanghai");

/** Text that is an i18n key left as is (`care.today.copy`): a key missing from the language. */
const RAW_KEY = /\b(care|errors|segments|common)\.[a-zA-Z_]+\.[a-zA-Z_.]+/;

/** The activity steps the Today list shows beside the messages (none unless a test says so). */
let steps: ActivityStepItem[] = [];

beforeEach(async () => {
  invoked.mockReset();
  vi.mocked(writeText).mockClear();
  steps = [];
  invoked.mockImplementation(invokeBy({
    settings_get: () => settings,
    activity_steps: () => steps,
    activity_tick: () => null,
    care_day: () => dayMessages(),
    care_rules: () => rules(),
    care_mark_copied: ({ keys }) => (keys as string[]).map((key) => ({ ...dayMessages()[0], key, status: "copied" })),
    care_export_sms: () => 1,
    care_send_email: () => ({ sent: 1, failed: [{ key: "r6:c18:c2026-12-04", error: "550 mailbox full" }], ambiguous: 1 }),
    care_retry: ({ keys }) => (keys as string[]).length,
    care_calendar: ({ from, to }) => {
      const n = Math.round((Date.parse(to as string) - Date.parse(from as string)) / 86400000) + 1;
      return calendar(from as string, n);
    },
    care_festivals: ({ from, to }) => {
      const n = Math.round((Date.parse(to as string) - Date.parse(from as string)) / 86400000) + 1;
      return calendar(from as string, n).flatMap((d) => d.festivals);
    },
    shop_dates: () => [
      { key: "shop_lunar_08_08", name: "店庆", month: 8, day: 8, year: null, lunar: true },
      { key: "shop_lunar_2027_01_21", name: "十周年", month: 1, day: 21, year: 2027, lunar: true },
    ],
    segments_list: () => [{ id: 1, name: "老客", filter: { match: "all", rules: [] }, created_at: "", updated_at: "" }],
    segment_count: () => ({ customers: 1234, of: 2000 }),
    customers_page: () => ({ total: 1, customers: [customer(11, "小鹿")] }),
    // As Rust's check does: an unknown variable is refused with where it is.
    care_rule_check: ({ rule }) => {
      const at = (rule as CareRule).template.indexOf("{nik}");
      if (at >= 0) throw { code: "template.unknown_variable", message: "{nik} is not a variable", details: { field: "template", name: "nik", at: at + 1 } };
      return null;
    },
    care_rule_preview: ({ rule }) => {
      const r = rule as CareRule;
      return {
        customer_id: 11, nick: "小鹿", to: r.channel === "sms" ? "13800138000" : r.channel === "email" ? null : "小鹿", subject: null,
        text: r.template.replace("{nick}", "小鹿"),
        sms: r.channel === "sms" ? { length: 75, encoding: "ucs2", segments: 2, single_max: 70 } : null,
      };
    },
    care_rule_save: ({ rule }) => ({ ...(rule as CareRule), id: 9 }),
    care_rule_enable: ({ id, enabled }) => ({ ...rules().find((r) => r.id === id)!, enabled }),
    coupon_plans: () => [],
  }) as typeof invoke);
  await i18n.changeLanguage("en-US");
});

describe("Today", () => {
  it("groups the day's messages by channel with counts, and Copy writes the text and marks it copied", async () => {
    renderPage("/care", <CarePage />);
    const wangwang = await screen.findByTestId("care-group-wangwang");
    expect(calls("care_day")[0][1]).toEqual({ date: today });
    expect(screen.getAllByTestId(/^care-group-(wangwang|wechat|sms|email)$/).map((g) => g.dataset.testid)).toEqual([
      "care-group-wangwang", "care-group-wechat", "care-group-sms", "care-group-email",
    ]);
    expect(screen.getByTestId("care-group-wangwang-count")).toHaveTextContent("2 messages");
    expect(screen.getByTestId("care-group-email-count")).toHaveTextContent("4 messages");
    expect(screen.getByTestId("care-day-summary")).toHaveTextContent("3 messages to send");
    const item = within(wangwang).getByTestId(`care-message-${BIRTHDAY_KEY}`);
    expect(item).toHaveTextContent("小鹿");
    expect(item).toHaveTextContent("生日祝福");
    expect(item).toHaveTextContent("10:00");
    expect(within(item).getByTestId("care-message-text")).toHaveTextContent("小鹿，生日快乐！");
    expect(within(screen.getByTestId("care-message-r2:c12:o901")).getByTestId("care-status")).toHaveTextContent("Copied");

    fireEvent.click(screen.getByTestId(`care-copy-${BIRTHDAY_KEY}`));
    await waitFor(() => expect(calls("care_mark_copied")).toHaveLength(1));
    expect(writeText).toHaveBeenCalledWith("小鹿，生日快乐！");
    expect(calls("care_mark_copied")[0][1]).toEqual({ keys: [BIRTHDAY_KEY] });
    expect(await screen.findByText(/Copied: paste it into the chat/)).toBeInTheDocument();
    // A message already copied is copied again without being marked twice.
    fireEvent.click(screen.getByTestId("care-copy-r2:c12:o901"));
    await waitFor(() => expect(writeText).toHaveBeenCalledWith("阿狸您好，真丝围巾收到一周啦"));
    expect(calls("care_mark_copied")).toHaveLength(1);
  });

  it("shows each status, exports the SMS list through the save dialog, and sends email with its report", async () => {
    renderPage("/care", <CarePage />);
    const email = await screen.findByTestId("care-group-email");
    expect(within(screen.getByTestId("care-message-r6:c16:c2026-12-04")).getByTestId("care-message-error"))
      .toHaveTextContent("The mail server replied: 550 5.1.1 mailbox unavailable");
    expect(within(screen.getByTestId("care-message-r6:c17:c2026-12-04")).getByTestId("care-status")).toHaveTextContent("May have been sent");
    expect(email).toHaveTextContent("not sent again automatically");
    expect(within(screen.getByTestId("care-group-sms")).getByTestId("care-status")).toHaveTextContent("Exported");

    fireEvent.click(screen.getByTestId("care-retry-r6:c16:c2026-12-04"));
    await waitFor(() => expect(calls("care_retry")[0]?.[1]).toEqual({ keys: ["r6:c16:c2026-12-04"] }));

    fireEvent.click(screen.getByTestId("care-send-email"));
    const report = await screen.findByTestId("care-email-report");
    expect(calls("care_send_email")[0][1]).toEqual({ date: today });
    expect(report).toHaveTextContent("1 email sent.");
    expect(within(report).getByTestId("care-email-failed")).toHaveTextContent("Noah: 550 mailbox full");
    expect(report).toHaveTextContent("1 was interrupted earlier and may have been sent; it is not sent again automatically.");
  });

  it("exports the day's SMS list to the file chosen in the save dialog", async () => {
    invoked.mockImplementation(invokeBy({
      settings_get: () => settings, care_rules: () => rules(), care_export_sms: () => 1,
      care_day: () => dayMessages().map((m) => (m.channel === "sms" ? { ...m, status: "planned" as const } : m)),
    }) as typeof invoke);
    renderPage(`/care?tab=today&date=${addDays(today, 1)}`, <CarePage />);
    fireEvent.click(await screen.findByTestId("care-export-sms"));
    await waitFor(() => expect(calls("care_export_sms")).toHaveLength(1));
    expect(calls("care_export_sms")[0][1]).toEqual({ date: addDays(today, 1), path: "/tmp/短信名单.csv" });
    expect(await screen.findByText("1 SMS exported to /tmp/短信名单.csv")).toBeInTheDocument();
  });

  it("lists skipped messages with their reason and the message that took their place, in both languages", async () => {
    renderPage("/care", <CarePage />);
    fireEvent.click(await screen.findByTestId("care-skipped-toggle"));
    const capped = await screen.findByTestId("care-skipped-r4:c11:c2026-12-04");
    expect(within(capped).getByTestId("care-skipped-reason")).toHaveTextContent("most marketing messages allowed in 7 days");
    expect(within(capped).getByTestId("care-skipped-by")).toHaveTextContent("Its place went to “生日祝福” for 小鹿 at 10:00");
    expect(within(screen.getByTestId("care-skipped-r1:c19:b2026-12-04")).getByTestId("care-skipped-reason"))
      .toHaveTextContent("asked not to be disturbed");
    expect(screen.getByTestId("care-skipped-toggle")).toHaveTextContent("2 skipped");
    await i18n.changeLanguage("zh-CN");
    expect(within(capped).getByTestId("care-skipped-reason")).toHaveTextContent("这位客户最近 7 天的营销消息已达上限。");
    expect(within(capped).getByTestId("care-skipped-by")).toHaveTextContent("名额给了：10:00 发给 小鹿 的“生日祝福”");
    expect(screen.getByTestId("care-skipped-toggle")).toHaveTextContent("已跳过 2 条");
  });

  it("lists the day's activity steps beside the messages, an overdue one marked, and ticks one off", async () => {
    const item = (index: number, kind: ActivityStepItem["step"]["kind"], due: string, label: string | null = null): ActivityStepItem => ({
      activity_id: 3, title: "猜新品价格", activity_date: addDays(today, 1), step: { index, kind, label, due: `${due}T18:30:00`, done: false },
    });
    steps = [item(2, "reminder", today), item(0, "custom", addDays(today, -1), "订奖品")];
    renderPage("/care", <CarePage />);
    const card = await screen.findByTestId("activity-steps-card");
    expect(calls("activity_steps")[0][1]).toEqual({ date: today });
    const [overdue, due] = within(card).getAllByTestId("activity-step-item");
    expect(overdue).toHaveTextContent("订奖品");
    expect(within(overdue).getByTestId("activity-step-overdue")).toHaveTextContent("Overdue");
    expect(due).toHaveTextContent("Remind the day before");
    expect(due).toHaveTextContent("猜新品价格");
    expect(within(due).getByTestId("activity-step-due")).toHaveTextContent("by 18:30");
    expect(within(due).queryByTestId("activity-step-overdue")).toBeNull();
    fireEvent.click(within(due).getByTestId("activity-step-3-2"));
    await waitFor(() => expect(calls("activity_tick")[0]?.[1]).toEqual({ id: 3, step: 2, done: true }));
  });

  it("switches to tomorrow", async () => {
    renderPage("/care", <CarePage />);
    await screen.findByTestId("care-group-wangwang");
    fireEvent.click(screen.getByTestId("care-day-tomorrow"));
    await waitFor(() => expect(calls("care_day").at(-1)![1]).toEqual({ date: addDays(today, 1) }));
    expect(screen.getByTestId("care-today")).toHaveAttribute("data-date", addDays(today, 1));
  });
});

describe("Rules", () => {
  it("lists the rules with their trigger in words and switches one on", async () => {
    renderPage("/care?tab=rules", <CarePage />);
    await waitFor(() => expect(screen.getAllByTestId("care-rule-row")).toHaveLength(2));
    const [birthday, midAutumn] = screen.getAllByTestId("care-rule-row");
    expect(within(birthday).getByTestId("care-rule-trigger-text")).toHaveTextContent("On the birthday");
    // The festival's name comes from the calendar Rust computes.
    await waitFor(() => expect(within(midAutumn).getByTestId("care-rule-trigger-text")).toHaveTextContent("2 days before Mid-Autumn Festival"));
    expect(midAutumn).toHaveTextContent("WeChat");
    fireEvent.click(within(midAutumn).getByTestId("care-rule-enabled"));
    await waitFor(() => expect(calls("care_rule_enable")[0]?.[1]).toEqual({ id: 4, enabled: true }));
  });

  it("shows Rust's refusal in the seller's language and disables Save, then the preview with the SMS parts", async () => {
    renderPage("/care?tab=rules", <CarePage />);
    fireEvent.click(await screen.findByTestId("care-rule-new"));
    const editor = await screen.findByTestId("care-rule-editor");
    fireEvent.change(within(editor).getByTestId("care-rule-name-input"), { target: { value: "生日短信" } });
    fireEvent.change(within(editor).getByTestId("care-rule-template"), { target: { value: "你好 {nik}" } });
    const problem = await screen.findByTestId("care-rule-problem");
    expect(problem).toHaveAttribute("data-code", "template.unknown_variable");
    expect(problem).toHaveTextContent("Message: The variable “nik” at character 4 does not exist");
    expect(screen.getByTestId("care-rule-save")).toBeDisabled();
    await i18n.changeLanguage("zh-CN");
    expect(await screen.findByTestId("care-rule-problem")).toHaveTextContent("消息内容：第 4 个字处的变量“nik”不存在");

    fireEvent.click(within(editor).getByTestId("care-rule-channel-sms"));
    fireEvent.change(within(editor).getByTestId("care-rule-template"), { target: { value: "你好 {nick}" } });
    await waitFor(() => expect(screen.queryByTestId("care-rule-problem")).not.toBeInTheDocument());
    await waitFor(() => expect(screen.getByTestId("care-preview-text")).toHaveTextContent("你好 小鹿"));
    expect(screen.getByTestId("care-preview-to")).toHaveTextContent("13800138000");
    const sms = screen.getByTestId("care-preview-sms");
    expect(sms).toHaveAttribute("data-segments", "2");
    expect(sms).toHaveTextContent("75 字 · 中文（UCS-2）编码 · 按 2 条计费（单条最多 70 字）");
    const sent = calls("care_rule_preview").at(-1)![1] as { rule: CareRule; customerId: number | null };
    expect(sent.customerId).toBeNull();
    expect(sent.rule).toMatchObject({ name: "生日短信", channel: "sms", template: "你好 {nick}", trigger: { kind: "birthday" } });
    await waitFor(() => expect(screen.getByTestId("care-rule-save")).toBeEnabled());
    fireEvent.click(screen.getByTestId("care-rule-save"));
    await waitFor(() => expect(calls("care_rule_save")).toHaveLength(1));
    expect((calls("care_rule_save")[0][1] as { rule: CareRule }).rule).not.toHaveProperty("id");
  });

  it("inserts a variable chip at the caret", async () => {
    renderPage("/care?tab=rules", <CarePage />);
    fireEvent.click(await screen.findByTestId("care-rule-new"));
    const box = (await screen.findByTestId("care-rule-template")) as HTMLTextAreaElement;
    fireEvent.change(box, { target: { value: "，生日快乐" } });
    box.focus();
    box.setSelectionRange(0, 0);
    fireEvent.click(screen.getByTestId("care-var-nick"));
    await waitFor(() => expect(box).toHaveValue("{nick}，生日快乐"));
  });

  it("starts from a starter rule in the seller's language", async () => {
    await i18n.changeLanguage("zh-CN");
    renderPage("/care?tab=rules", <CarePage />);
    const starters = await screen.findAllByTestId("care-rule-starter");
    fireEvent.click(starters.find((b) => b.dataset.starter === "midAutumn")!);
    const editor = await screen.findByTestId("care-rule-editor");
    expect(within(editor).getByTestId("care-rule-name-input")).toHaveValue("中秋问候");
    expect((within(editor).getByTestId("care-rule-template") as HTMLTextAreaElement).value).toContain("{festival}快乐");
    await waitFor(() => expect(calls("care_rule_check").length).toBeGreaterThan(0));
    expect((calls("care_rule_check").at(-1)![1] as { rule: CareRule }).rule.trigger).toEqual({ kind: "festival", key: "mid_autumn", days_before: 2 });
  });
});

describe("Calendar", () => {
  it("shows festivals and statutory days, and a click opens that day's list", async () => {
    renderPage("/care?tab=calendar", <CarePage />);
    const festival = await screen.findByTestId(`care-cal-day-${addDays(today, 2)}`);
    expect(calls("care_calendar")[0][1]).toEqual({ from: today, to: addDays(today, 89) });
    expect(within(festival).getByTestId("care-cal-festival")).toHaveTextContent("Mid-Autumn Festival");
    const off = screen.getByTestId(`care-cal-day-${addDays(today, 4)}`);
    expect(within(off).getByTestId("care-cal-statutory")).toHaveAttribute("data-kind", "holiday_off");
    expect(within(off).getByTestId("care-cal-statutory")).toHaveTextContent("Off");
    expect(within(screen.getByTestId(`care-cal-day-${addDays(today, 7)}`)).getByTestId("care-cal-statutory")).toHaveTextContent("Work");
    const first = screen.getByTestId(`care-cal-day-${today}`);
    expect(within(first).getByTestId("care-cal-rule")).toHaveAttribute("data-messages", "12");
    await i18n.changeLanguage("zh-CN");
    expect(within(festival).getByTestId("care-cal-festival")).toHaveTextContent("中秋节");
    expect(within(off).getByTestId("care-cal-statutory")).toHaveTextContent("休");
    fireEvent.click(festival);
    expect(await screen.findByTestId("care-today")).toHaveAttribute("data-date", addDays(today, 2));
  });
});

describe("Settings", () => {
  it("saves the whole settings with the care limits and mail server, then the password to the keychain", async () => {
    let saved: typeof settings | null = null;
    invoked.mockImplementation(invokeBy({
      settings_get: () => settings,
      settings_update: ({ settings: s }) => (saved = s as typeof settings),
      smtp_password_save: () => null,
      smtp_test: () => null,
    }) as typeof invoke);
    renderPage("/care?tab=settings", <CarePage />);
    fireEvent.change(await screen.findByTestId("care-smtp-host"), { target: { value: "127.0.0.1" } });
    fireEvent.change(screen.getByTestId("care-smtp-user"), { target: { value: "shop" } });
    fireEvent.change(screen.getByTestId("care-smtp-from"), { target: { value: "小鱼手作 <shop@example.com>" } });
    fireEvent.click(screen.getByTestId("care-smtp-security-none"));
    fireEvent.change(screen.getByTestId("care-smtp-password"), { target: { value: "secret" } });
    fireEvent.change(screen.getByTestId("care-sms-signature"), { target: { value: "小鱼手作" } });
    fireEvent.click(screen.getByTestId("care-settings-save"));
    await waitFor(() => expect(calls("smtp_password_save")).toHaveLength(1));
    expect(calls("smtp_password_save")[0][1]).toEqual({ password: "secret" });
    expect(saved).toEqual({
      ...settings,
      care: { ...settings.care, sms_signature: "小鱼手作" },
      smtp: { host: "127.0.0.1", port: 587, security: "none", user: "shop", from: "小鱼手作 <shop@example.com>" },
    });
    // Saved before the password: the keychain entry is keyed by the saved server and user.
    expect(invoked.mock.calls.findIndex(([c]) => c === "settings_update")).toBeLessThan(invoked.mock.calls.findIndex(([c]) => c === "smtp_password_save"));
    await waitFor(() => expect(screen.getByTestId("care-smtp-password")).toHaveValue(""));

    fireEvent.change(screen.getByTestId("care-smtp-test-to"), { target: { value: "me@example.com" } });
    fireEvent.click(screen.getByTestId("care-smtp-test"));
    expect(await screen.findByTestId("care-smtp-test-ok")).toHaveTextContent("me@example.com");
    expect(calls("smtp_test")[0][1]).toEqual({ to: "me@example.com", subject: "Laoke test email", text: expect.stringContaining("Laoke can send") });
  });

  it("shows why the test email failed, from its code", async () => {
    invoked.mockImplementation(invokeBy({
      settings_get: () => settings,
      smtp_test: () => { throw { code: "email.test_failed", message: "535 auth failed", details: { reply: "535 5.7.8 authentication failed" } }; },
    }) as typeof invoke);
    await i18n.changeLanguage("zh-CN");
    renderPage("/care?tab=settings", <CarePage />);
    fireEvent.change(await screen.findByTestId("care-smtp-test-to"), { target: { value: "me@example.com" } });
    fireEvent.click(screen.getByTestId("care-smtp-test"));
    expect(await screen.findByTestId("care-smtp-test-error")).toHaveTextContent("测试邮件没有被接收：535 5.7.8 authentication failed");
    expect(calls("smtp_test")[0][1]).toMatchObject({ subject: "老客测试邮件" });
  });
});

describe("every tab in both languages", () => {
  for (const lang of ["zh-CN", "en-US"]) {
    it(`leaves no text unworded in ${lang}`, async () => {
      await i18n.changeLanguage(lang);
      for (const tab of ["today", "rules", "calendar", "settings"]) {
        const { unmount } = renderPage(`/care?tab=${tab}`, <CarePage />);
        await screen.findByTestId(`care-tab-${tab}`);
        await waitFor(() => expect(screen.queryByTestId(/^care-(day|rules|calendar)-error$/)).toBeNull());
        if (tab === "today") {
          await screen.findByTestId("care-group-email");
          fireEvent.click(screen.getByTestId("care-skipped-toggle"));
          await screen.findByTestId("care-skipped-r4:c11:c2026-12-04");
        }
        if (tab === "rules") {
          await screen.findAllByTestId("care-rule-row");
          fireEvent.click(screen.getByTestId("care-rule-new"));
          await screen.findByTestId("care-preview-text");
        }
        if (tab === "calendar") await screen.findAllByTestId("care-cal-month");
        if (tab === "settings") {
          await screen.findByTestId("care-smtp-host");
          await waitFor(() => expect(screen.getAllByTestId("care-shop-date-row")).toHaveLength(2));
          fireEvent.click(screen.getByTestId("care-shop-date-lunar"));
          await screen.findByTestId("care-shop-date-lunar-day");
        }
        expect(document.body.textContent ?? "").not.toMatch(RAW_KEY);
        unmount();
      }
    });
  }
});
