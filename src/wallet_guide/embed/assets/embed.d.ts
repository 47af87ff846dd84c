// Type declarations for the guide's embed.js (protocol version 1): WalletGuideEmbed and the
// messages of the protocol. Published beside the script at /embed/v1/embed.d.ts; the integrator
// page (/integrate/, /en/integrate/) documents every option and message.

/** Fields every message of the protocol carries; a receiver ignores any other message. */
export interface WalletGuideEnvelope {
  source: "wallet-guide";
  version: 1;
}

/** A language of the guide, as `lang` takes it (the build writes the site's languages here). */
export type WalletGuideLanguage = "zh" | "en";

export type WalletGuideTheme = "light" | "dark";

/** Once per document loaded in the frame. */
export interface WalletGuideReady extends WalletGuideEnvelope {
  type: "ready";
  /** The page's public address, without the embed parameters. */
  url: string;
  /** The page as `mount` takes it, e.g. "/causes/". */
  path: string;
  lang: WalletGuideLanguage;
  title: string;
}

/** The content's height changed (never the same height twice in a row). */
export interface WalletGuideResize extends WalletGuideEnvelope {
  type: "resize";
  /** CSS pixels. */
  height: number;
}

/** Another page or section is shown: the portal may scroll to it. */
export interface WalletGuideNavigation extends WalletGuideEnvelope {
  type: "navigation";
  url: string;
  path: string;
  lang: WalletGuideLanguage;
  title: string;
  /** The section shown or scrolled to, or null. */
  section: string | null;
  /** That section's distance from the top of the content, in pixels, or null. */
  top: number | null;
}

/** The same page and section changed state in place (the checklist's ticks): nothing moves. */
export interface WalletGuideState extends WalletGuideEnvelope {
  type: "state";
  url: string;
  path: string;
  lang: WalletGuideLanguage;
  /** The ids of the ticked causes, in the checklist's order. */
  ticks: string[];
}

/** The reader answered «Did this solve it?» under a step of the solutions page. */
export interface WalletGuideFeedback extends WalletGuideEnvelope {
  type: "feedback";
  /** The step's id, e.g. "balance". */
  step: string;
  solved: boolean;
  lang: WalletGuideLanguage;
}

/** The reader pressed «Send to customer service» under their summary for customer service. */
export interface WalletGuideSummary extends WalletGuideEnvelope {
  type: "summary";
  /** The summary as the reader sees it, in their language. */
  text: string;
  /** The ticked causes' ids. */
  ticks: string[];
  /** The fixes the reader marked as tried (answered «not solved»), in the order of the steps. */
  tried: string[];
  lang: WalletGuideLanguage;
  /** When the summary was made (ISO 8601). */
  time: string;
}

/** Every message the guide sends to the portal. */
export type WalletGuideMessage =
  | WalletGuideReady
  | WalletGuideResize
  | WalletGuideNavigation
  | WalletGuideState
  | WalletGuideFeedback
  | WalletGuideSummary;

/** The message a portal may send to the guide. */
export interface WalletGuideSetTheme extends WalletGuideEnvelope {
  type: "set-theme";
  theme: WalletGuideTheme;
}

/** Sent by embed.js: the part of the frame the portal's screen shows (CSS pixels from the
 *  frame's top), where the guide keeps what sticks to the bottom of the screen. */
export interface WalletGuideViewport extends WalletGuideEnvelope {
  type: "viewport";
  top: number;
  bottom: number;
}

/** What onError and the `wallet-guide:error` event receive. */
export interface WalletGuideFailure {
  message: string;
  /** The page's public address: the link shown in its place (null: a no-code element's
   *  attributes were not valid; the element keeps its own link). */
  url: string | null;
}

export interface WalletGuideOptions {
  /** A page of the guide, e.g. "/causes/" (default: the home page). */
  page?: string;
  /** Default: the site's default language. */
  lang?: WalletGuideLanguage;
  /** Show only this section. */
  section?: string;
  /** Open the page at this section. */
  hash?: string;
  /** Default: the reader's device setting (light or dark). */
  theme?: WalletGuideTheme;
  /** The frame's accessible name until the page sends its own title. */
  title?: string;
  /** The placeholder's height in pixels until the page says its own (default 600). */
  height?: number;
  /** Milliseconds to wait for the guide's `ready` before reporting an error (default 10000). */
  timeout?: number;
  /** Keep the checklist's ticks and answers on this device between visits (default false: the
   *  frame's address and memory only, gone with the frame). */
  rememberTicks?: boolean;
  /** false: never scroll your page to a section or to the top of a new page. */
  scroll?: boolean;
  /** The guide's address (default: where embed.js was loaded from, without embed/v1/embed.js;
   *  a copy served from elsewhere: the address the guide was built for). */
  siteUrl?: string;
  onReady?: (message: WalletGuideReady) => void;
  onResize?: (message: WalletGuideResize) => void;
  onNavigation?: (message: WalletGuideNavigation) => void;
  onState?: (message: WalletGuideState) => void;
  onFeedback?: (message: WalletGuideFeedback) => void;
  onSummary?: (message: WalletGuideSummary) => void;
  onError?: (failure: WalletGuideFailure) => void;
}

export interface WalletGuideMount {
  element: HTMLElement;
  frame: HTMLIFrameElement;
  /** Resolves with the first `ready`; rejects when the guide does not answer in time. */
  ready: Promise<WalletGuideReady>;
  setTheme(theme: WalletGuideTheme): void;
  destroy(): void;
}

export interface WalletGuideEmbedApi {
  version: 1;
  /** Throws when `element` is null (as `document.getElementById` returns for a wrong id) or an
   *  option is not valid; mounting again on an element first destroys its earlier mount. */
  mount(element: HTMLElement | null, options?: WalletGuideOptions): WalletGuideMount;
  /** Mount every `[data-wallet-guide-page]` element not mounted yet. */
  scan(): void;
}

/** The DOM events dispatched on the mounted element, with the message as `detail`. */
export interface WalletGuideEventMap {
  "wallet-guide:ready": CustomEvent<WalletGuideReady>;
  "wallet-guide:resize": CustomEvent<WalletGuideResize>;
  "wallet-guide:navigation": CustomEvent<WalletGuideNavigation>;
  "wallet-guide:state": CustomEvent<WalletGuideState>;
  "wallet-guide:feedback": CustomEvent<WalletGuideFeedback>;
  "wallet-guide:summary": CustomEvent<WalletGuideSummary>;
  "wallet-guide:error": CustomEvent<WalletGuideFailure>;
}

declare global {
  /** Defined by embed.js (a script, not a module): `WalletGuideEmbed.mount(…)`. */
  var WalletGuideEmbed: WalletGuideEmbedApi;
  interface Window {
    WalletGuideEmbed: WalletGuideEmbedApi;
  }
  interface HTMLElementEventMap extends WalletGuideEventMap {}
  interface Element {
    /** On an element mounted from its data-wallet-guide-* attributes: its mount. */
    walletGuideEmbed?: WalletGuideMount;
  }
}
