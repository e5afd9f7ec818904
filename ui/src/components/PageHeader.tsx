// The title row of a page: heading, optional subtitle and actions on the right.
import type { ReactNode } from "react";
import { Flex, Typography } from "antd";

type Props = { title: string; subtitle?: ReactNode; extra?: ReactNode };

export function PageHeader({ title, subtitle, extra }: Props) {
  return (
    <Flex className="laoke-page-header" justify="space-between" align="flex-start" gap={16} wrap>
      <div>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        {subtitle && <Typography.Text type="secondary">{subtitle}</Typography.Text>}
      </div>
      {extra}
    </Flex>
  );
}
