"""Analytics over the store: dyad series, escalation index, mediator network."""
