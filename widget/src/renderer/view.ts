/** Something the renderer drew that can be redrawn in another language or removed. */
export interface View {
  /** Redraws in host.language(), keeping what the visitor chose or typed. */
  relabel(): void;
  /** Removes it from the page. */
  destroy(): void;
}
