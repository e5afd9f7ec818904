// One big choice on the welcome screen: a card that works as a button (mouse and keyboard).
import type { ReactNode } from "react";
import { Card, Typography } from "antd";

type Props = { icon: ReactNode; title: string; text: string; onChoose: () => void; disabled: boolean; testId: string };

export function ChoiceCard({ icon, title, text, onChoose, disabled, testId }: Props) {
  const choose = () => !disabled && onChoose();
  return (
    <Card
      hoverable={!disabled}
      className="laoke-welcome-choice"
      data-testid={testId}
      role="button"
      tabIndex={disabled ? -1 : 0}
      aria-disabled={disabled}
      onClick={choose}
      onKeyDown={(e) => (e.key === "Enter" || e.key === " ") && (e.preventDefault(), choose())}
    >
      {icon}
      <Typography.Title level={4}>{title}</Typography.Title>
      <Typography.Paragraph type="secondary">{text}</Typography.Paragraph>
    </Card>
  );
}
