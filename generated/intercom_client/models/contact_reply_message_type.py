from enum import StrEnum


class ContactReplyMessageType(StrEnum):
    COMMENT = "comment"

    def __str__(self) -> str:
        return str(self.value)
