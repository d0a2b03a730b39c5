"""Collections of the personal space: ``/collections`` (list, create), ``/collections/<id>``
(page, rename, describe, delete, add/remove resources, share links, exports), and
``/shared/<token>`` (a shared collection, read-only, anonymous).

A collection that is not the signed-in user's answers 404, as one that does not exist.
"""

from __future__ import annotations

from datetime import UTC

from flask import Blueprint, Response, flash, g, redirect, render_template, request, url_for

from sparql_api.accounts import collections as core
from sparql_api.accounts.collections import NotFound
from sparql_api.accounts.export import EXPORTS, export, members
from sparql_api.accounts.facets import collection_facets
from sparql_api.accounts.users import AccountError
from sparql_api.accounts.web_session import (
    AccountPageError,
    SignInRequired,
    check_csrf,
    current_user_id,
    finish_page,
    get_db,
    page_context,
    render_error,
    require_user,
    safe_next,
    to_signin,
)
from sparql_api.portal.routes import page_lang
from sparql_api.web.catalogue import get_catalogue
from sparql_api.web.http_errors import ApiError
from sparql_api.web.i18n import WEB

__all__ = ["bp", "my_collections", "export_response", "collection_members"]

bp = Blueprint("collections", __name__)


@bp.before_request
def _before() -> None:
    g.page_lang = page_lang()
    if request.method == "POST":
        check_csrf()


@bp.after_request
def _after(response: Response) -> Response:
    response.headers["Referrer-Policy"] = "no-referrer"  # share tokens stay in the address
    if request.path.startswith("/shared/"):
        response.headers["X-Robots-Tag"] = "noindex, nofollow"
    return finish_page(response)


bp.context_processor(page_context)
bp.errorhandler(AccountPageError)(render_error)
bp.errorhandler(ApiError)(render_error)  # e.g. an unknown ?lang=, refused before the view
bp.errorhandler(SignInRequired)(to_signin)


@bp.errorhandler(NotFound)
def _not_found(exc: NotFound):
    is_share = exc.args and exc.args[0] == "share"
    key = WEB.mark("share_not_found") if is_share else WEB.mark("collection_not_found")
    return render_error(AccountPageError(404, key))


@bp.errorhandler(AccountError)
def _refused(exc: AccountError):
    return render_error(AccountPageError(400, exc.key))


def my_collections() -> list[dict] | None:
    """The signed-in user's collections (for the "add to my collection" form), None if
    anonymous."""
    if "my_collections" not in g:  # once per request (a search page asks for each hit)
        uid = current_user_id()
        g.my_collections = None if uid is None else core.list_collections(get_db(), uid)
    return g.my_collections


def collection_members(collection) -> list:
    """The members of ``collection`` as the store describes them."""
    backend = get_catalogue()
    iris = [item.iri for item in collection.items]
    return members(backend.store, iris, backend.settings.base_iri, g.page_lang)


def _listing(found) -> dict:
    """The members kept by the page's facet choices, the facets and the map's footprints."""
    everyone = collection_members(found)
    page = collection_facets(everyone, request.args.to_dict(flat=False), request.path)
    footprints = [f for m in page["members"] if m.extras for f in m.extras["footprints"]]
    return {"members": page["members"], "total": len(everyone), **page} | {"footprints": footprints}


@bp.get("/collections")
def index():
    """The user's collections and a form to create one."""
    return render_template(
        "collections.html", collections=core.list_collections(get_db(), require_user())
    )


@bp.post("/collections")
def create():
    """Create a collection (title, description)."""
    form = request.form
    found = core.create_collection(
        get_db(), require_user(), form.get("title", ""), form.get("description", "")
    )
    return redirect(url_for("collections.show", cid=found.id), 303)


@bp.post("/collections/add")
def add_from_page():
    """The "add to my collection" form of resource pages: ``iri``, ``collection`` (an id, or
    empty with ``title`` for a new one), ``next`` (where to come back)."""
    uid, form = require_user(), request.form
    core.check_iri(form.get("iri", ""))
    chosen = form.get("collection", "")
    if chosen.isdigit():
        cid = int(chosen)
    else:
        cid = core.create_collection(get_db(), uid, form.get("title", "")).id
    core.add_item(get_db(), uid, cid, form.get("iri", ""))
    title = core.get_collection(get_db(), uid, cid).title
    added = {"key": "col_added", "title": title, "href": url_for("collections.show", cid=cid)}
    flash(added, "added")  # said on the page the reader comes back to
    return redirect(safe_next(form.get("next"), url_for("collections.show", cid=cid)), 303)


@bp.get("/collections/<int:cid>")
def show(cid: int):
    """A collection: its resources, the edit, share, export and delete forms."""
    found = core.get_collection(get_db(), require_user(), cid)
    share_url = (
        url_for("collections.shared", token=found.share_token, _external=True)
        if found.share_token
        else None
    )
    return render_template(
        "collection.html",
        collection=found,
        **_listing(found),
        readonly=False,
        share_url=share_url,
        export_url=lambda name: url_for("collections.export_own", cid=cid, name=name),
        exports=list(EXPORTS),
    )


@bp.post("/collections/<int:cid>")
def update(cid: int):
    """Rename and describe a collection."""
    form = request.form
    core.update_collection(
        get_db(),
        require_user(),
        cid,
        title=form.get("title", ""),
        description=form.get("description", ""),
    )
    return redirect(url_for("collections.show", cid=cid), 303)


@bp.post("/collections/<int:cid>/delete")
def delete(cid: int):
    """Delete a collection."""
    core.delete_collection(get_db(), require_user(), cid)
    return redirect(url_for("collections.index"), 303)


@bp.post("/collections/<int:cid>/items")
def add(cid: int):
    """Add a resource (``iri``) to a collection."""
    core.add_item(get_db(), require_user(), cid, request.form.get("iri", ""))
    return redirect(safe_next(request.form.get("next"), url_for("collections.show", cid=cid)), 303)


@bp.post("/collections/<int:cid>/items/remove")
def remove(cid: int):
    """Remove a resource (``iri``) from a collection."""
    core.remove_item(get_db(), require_user(), cid, request.form.get("iri", ""))
    return redirect(url_for("collections.show", cid=cid), 303)


@bp.post("/collections/<int:cid>/share")
def share(cid: int):
    """Create (or renew) the secret share link."""
    core.share(get_db(), require_user(), cid)
    return redirect(url_for("collections.show", cid=cid) + "#share", 303)


@bp.post("/collections/<int:cid>/unshare")
def unshare(cid: int):
    """Revoke the share link."""
    core.unshare(get_db(), require_user(), cid)
    return redirect(url_for("collections.show", cid=cid) + "#share", 303)


def known_export(name: str) -> None:
    """Refuse (404) an export name that is none of :data:`EXPORTS`."""
    if name not in EXPORTS:
        raise AccountPageError(404, WEB.mark("export_unknown"), name=name, known=", ".join(EXPORTS))


def export_response(found, name: str, catalogue: str) -> Response:
    """The collection ``found`` as export ``name`` (an attachment)."""
    known_export(name)
    media, extension, _ = EXPORTS[name]
    modified = found.updated.replace(tzinfo=found.updated.tzinfo or UTC).date().isoformat()
    body = export(
        name, catalogue, found.title, found.description, modified, collection_members(found)
    )
    response = Response(body, mimetype=media.split(";")[0])
    response.headers["Content-Type"] = media
    response.headers["Content-Disposition"] = (
        f'attachment; filename="collection-{found.id}.{extension}"'
    )
    return response


@bp.get("/collections/<int:cid>/export/<name>")
def export_own(cid: int, name: str):
    """The collection as a DCAT-AP catalogue (ttl, jsonld), BibTeX (bib), RIS (ris) or a list
    of access URLs (urls); an unknown format is refused before anyone is asked to sign in."""
    known_export(name)
    found = core.get_collection(get_db(), require_user(), cid)
    return export_response(found, name, url_for("collections.show", cid=cid, _external=True))


@bp.get("/shared/<token>")
def shared(token: str):
    """A shared collection, read-only, for anyone with the link."""
    found = core.shared_collection(get_db(), token)
    return render_template(
        "collection.html",
        collection=found,
        **_listing(found),
        readonly=True,
        share_url=None,
        export_url=lambda name: url_for("collections.export_shared", token=token, name=name),
        exports=list(EXPORTS),
    )


@bp.get("/shared/<token>/export/<name>")
def export_shared(token: str, name: str):
    """A shared collection's export (same formats as the owner's)."""
    found = core.shared_collection(get_db(), token)
    return export_response(found, name, url_for("collections.shared", token=token, _external=True))
