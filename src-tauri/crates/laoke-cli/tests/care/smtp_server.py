"""A real SMTP server for the care email tests (aiosmtpd).

Requires AUTH (user `shop`, password `secret`), refuses any recipient whose
address contains `reject` (550), and holds the DATA of a message to an address
containing `stall` for a minute after touching the file given by --stalled, so
a test can kill the sender mid-send. Every message it accepts is written to
--record as one JSON line. Prints the port it listens on, then serves until
killed.
"""
import argparse
import asyncio
import email
import email.policy
import json
import pathlib
import socket
import sys
import time

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


class Recorder:
    def __init__(self, record, stalled):
        self.record = pathlib.Path(record)
        self.stalled = pathlib.Path(stalled) if stalled else None

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if "reject" in address:
            return "550 5.1.1 mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        msg = email.message_from_bytes(envelope.content, policy=email.policy.default)
        line = {
            "mail_from": envelope.mail_from,
            "to": envelope.rcpt_tos,
            "message_id": msg["Message-ID"],
            "subject": msg["Subject"],
            "from": msg["From"],
            "list_unsubscribe": msg["List-Unsubscribe"],
            "content_type": msg.get_content_type(),
            "body": msg.get_content(),
        }
        with self.record.open("a", encoding="utf-8") as f:
            f.write(json.dumps(line, ensure_ascii=False) + "\n")
        if self.stalled and any("stall" in a for a in envelope.rcpt_tos):
            self.stalled.touch()
            await asyncio.sleep(60)
        return "250 OK queued"


def authenticator(server, session, envelope, mechanism, auth_data):
    ok = isinstance(auth_data, LoginPassword) and auth_data.login == b"shop" and auth_data.password == b"secret"
    # handled=False: the server answers a failure itself (535), as a real one does.
    return AuthResult(success=ok, handled=False)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--record", required=True)
    p.add_argument("--stalled")
    a = p.parse_args()
    # aiosmtpd checks the port it was given by connecting to it, so port 0 will not
    # do: take a free port from the system first.
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    controller = Controller(
        Recorder(a.record, a.stalled),
        hostname="127.0.0.1",
        port=port,
        authenticator=authenticator,
        auth_required=True,
        auth_require_tls=False,
    )
    controller.start()
    print(port, flush=True)
    try:
        while True:
            time.sleep(3600)
    finally:
        controller.stop()


if __name__ == "__main__":
    sys.exit(main())
