/** What a program channel hears about one event, before it is shaped for Slack or Teams. */
export interface ProgramEventMessage {
  /** The organisation, shown as the sender. */
  orgName: string;
  /** A short heading: the kind of event ("New request"). */
  title: string;
  /** One line saying what happened. */
  text: string;
  /** Where to look in Vouch (an absolute URL), if anywhere. */
  url?: string;
  /** The link's words. */
  linkLabel?: string;
}
