from enum import StrEnum


class ContactReplyType(StrEnum):
    USER = "user"

    def __str__(self) -> str:
        return str(self.value)
