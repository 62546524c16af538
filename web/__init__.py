"""Web: the chat page on top of the service API."""
