"""The one exception type a user's bad input turns into, so callers can show it as a sentence."""


class DlsimError(ValueError):
    """A problem with a file, value or graph that the user can fix; its message is one sentence.

    `node_id` names the diagram node the problem belongs to, so the editor can mark it.
    """

    def __init__(self, message: str, node_id: str | None = None) -> None:
        super().__init__(message)
        self.node_id = node_id
