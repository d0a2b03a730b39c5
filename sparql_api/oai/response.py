"""One OAI-PMH request answered: the envelope, the verb checked and run, or the error."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Mapping
from datetime import UTC, datetime

from graph_loader.store import Store
from graph_loader.xmlchars import xml_safe
from sparql_api.oai.provider import (
    ERRORS,
    OAI_NS,
    PAGE_SIZE,
    VERBS,
    XSI,
    OaiError,
    Provider,
    _t,
)
from sparql_api.oai.verbs import VERB_HANDLERS, check_arguments
from sparql_api.web.labels import LABELS

__all__ = ["oai_response"]


def oai_response(
    store: Store,
    args: Mapping[str, list[str]],
    base: str,
    *,
    lang: str = "en",
    page_size: int = PAGE_SIZE,
    now: datetime | None = None,
) -> bytes:
    """The OAI-PMH answer to a request's arguments (each name -> its values)."""
    root = ET.Element(_t("OAI-PMH"))
    root.set(
        f"{{{XSI}}}schemaLocation", f"{OAI_NS} http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd"
    )
    moment = (now or datetime.now(UTC)).astimezone(UTC)
    ET.SubElement(root, _t("responseDate")).text = moment.strftime("%Y-%m-%dT%H:%M:%SZ")
    request = ET.SubElement(root, _t("request"))
    request.text = base + "oai"
    provider = Provider(store, base, lang, page_size)
    verbs = args.get("verb", [])
    try:
        if len(verbs) != 1 or verbs[0] not in VERBS:
            raise OaiError("badVerb", known=", ".join(VERBS))
        verb = verbs[0]
        single = check_arguments(verb, args, lang)
        for name, value in sorted(single.items()):
            request.set(name, value)
        request.set("verb", verb)
        root.append(VERB_HANDLERS[verb](provider, single))
    except OaiError as exc:
        if exc.code in ("badVerb", "badArgument"):
            request.attrib.clear()
        error = ET.SubElement(root, _t("error"), {"code": exc.code})
        error.text = LABELS.text(ERRORS[exc.code], lang, **exc.params)
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + xml_safe(
        ET.tostring(root, encoding="utf-8", xml_declaration=False)
    )
