"""Services: plain-typed operations the cogs call; no Discord types here."""
