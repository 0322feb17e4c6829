"""A real SMTP server on the loopback (aiosmtpd) that keeps every message it receives."""

import email
import email.policy
import re
import socket
import time


class Mailbox:
    """An aiosmtpd handler that keeps every message it receives."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 — aiosmtpd's API
        self.messages.append(
            email.message_from_bytes(envelope.content, policy=email.policy.default)
        )
        return "250 Message accepted for delivery"

    def last_to(self, address: str):
        found = [m for m in self.messages if address in m["To"]]
        assert found, f"no email to {address} among {[m['To'] for m in self.messages]}"
        return found[-1]

    def link_to(self, address: str) -> str:
        body = self.last_to(address).get_body().get_content()
        return re.search(r"https?://\S+", body).group(0)

    def wait_for(self, count: int, seconds: float, matching=lambda message: True) -> list:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            found = [m for m in self.messages if matching(m)]
            if len(found) >= count:
                return found
            time.sleep(0.2)
        raise AssertionError(f"{count} emails expected, {len(found)} received in {seconds} s")


def free_port() -> int:
    with socket.socket() as probe:  # aiosmtpd checks its own port after starting
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_sink(port: int):
    """A started aiosmtpd controller on the port, and its mailbox; `controller.stop()` ends it."""
    from aiosmtpd.controller import Controller  # noqa: PLC0415 — a test-only dependency

    mailbox = Mailbox()
    controller = Controller(mailbox, hostname="127.0.0.1", port=port)
    controller.start()
    return controller, mailbox
