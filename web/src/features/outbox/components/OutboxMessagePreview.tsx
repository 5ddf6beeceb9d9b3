import { Box, Code, Tabs, Text } from '@mantine/core';
import type { OutboxMessage } from '../api/types';

/**
 * The message as its recipient gets it. E-mail HTML renders in a sandboxed frame (no scripts,
 * no same-origin access, no referrer) with its plain-text part beside it; a Slack or Teams
 * post shows the JSON body posted to the channel.
 */
export function OutboxMessagePreview({ message }: { message: OutboxMessage }) {
  if (message.channel !== 'email') {
    return (
      <Tabs defaultValue="text" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="text">Text</Tabs.Tab>
          <Tabs.Tab value="body">Posted body</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="text" pt="sm">
          <Text size="sm">{message.text || '(empty)'}</Text>
        </Tabs.Panel>
        <Tabs.Panel value="body" pt="sm">
          <Code block style={{ whiteSpace: 'pre-wrap', maxHeight: 480, overflow: 'auto' }}>
            {JSON.stringify(message.webhookBody ?? {}, null, 2)}
          </Code>
        </Tabs.Panel>
      </Tabs>
    );
  }
  return (
    <Tabs defaultValue="html" keepMounted={false}>
      <Tabs.List>
        <Tabs.Tab value="html">As the recipient sees it</Tabs.Tab>
        <Tabs.Tab value="text">Plain text</Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="html" pt="sm">
        {message.html ? (
          <Box
            component="iframe"
            sandbox=""
            srcDoc={message.html}
            title={`E-mail preview: ${message.subject}`}
            referrerPolicy="no-referrer"
            w="100%"
            h={480}
            bd="1px solid var(--mantine-color-default-border)"
            style={{ borderRadius: 'var(--mantine-radius-md)', background: '#fff', colorScheme: 'light' }}
          />
        ) : (
          <Text size="sm" c="dimmed">
            This message has no HTML part.
          </Text>
        )}
      </Tabs.Panel>
      <Tabs.Panel value="text" pt="sm">
        <Code block style={{ whiteSpace: 'pre-wrap', maxHeight: 480, overflow: 'auto' }}>
          {message.text || '(empty)'}
        </Code>
      </Tabs.Panel>
    </Tabs>
  );
}
