package io.sigill.vault;

/** What became of a document when one party let go of it. */
public enum LetGo {
  /** Other parties still hold it: only this party's access went. */
  ACCESS_REMOVED,
  /** This was the last party: data keys destroyed and every stored version deleted. */
  SHREDDED,
  /** The party held no share (already let go, e.g. on a retry), or the document is gone. */
  NOT_HELD
}
