from enum import StrEnum


class AdminReplyType(StrEnum):
    ADMIN = "admin"

    def __str__(self) -> str:
        return str(self.value)
