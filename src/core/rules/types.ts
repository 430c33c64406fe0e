/** A cosmetic rule in uBlock Origin syntax, compiled for storage and fast matching in the content script. */
export interface CosmeticRule {
  /** CSS selector of the elements to hide (or to keep visible, for an exception). */
  selector: string;
  /** Hostnames (or entities like "example.*") the rule is limited to; empty: every site. */
  hosts: string[];
  /** Hostnames the rule does not apply to ("~shop.example.com"). */
  notHosts: string[];
  /** "#@#": keep matching elements visible, whatever hid them. */
  exception: boolean;
  /** 1-based line in its source, and the line itself, for explanations ("hidden by your rule on line 3"). */
  line: number;
  text: string;
  /** "user" for the user's own rules, else the name of the imported filter list. */
  source: string;
}

/** A line that could not be used, and why, in words a user can act on. */
export interface RuleProblem {
  line: number;
  text: string;
  message: string;
}
