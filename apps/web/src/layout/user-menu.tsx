import { UserOutlined } from '@ant-design/icons';
import { Avatar, Dropdown, Space, type MenuProps } from 'antd';

/** Who is signed in, in the frame's header, with their menu (change the password, sign out). */
export function UserMenu({ items, name, onClick }: { items: MenuProps['items']; name: string | undefined; onClick: (key: string) => void }) {
  return (
    <Dropdown menu={{ items, onClick: ({ key }) => onClick(key) }}>
      <Space style={{ color: '#fff', cursor: 'pointer' }} data-testid="user-menu">
        <Avatar size="small" icon={<UserOutlined />} />
        <span>{name}</span>
      </Space>
    </Dropdown>
  );
}
