"""The strings of the personal space, in French and English: page strings (:data:`UI`, read
by the templates beside :data:`sparql_api.portal.translations.UI`) and messages
(:data:`MESSAGES`)."""

from __future__ import annotations

__all__ = ["UI", "MESSAGES", "text", "account_catalogue"]

UI: dict[str, dict[str, str]] = {
    "acc_signin": {"fr": "Se connecter", "en": "Sign in"},
    "acc_signup": {"fr": "Créer un compte", "en": "Create an account"},
    "acc_oidc": {"fr": "Se connecter avec {label}", "en": "Sign in with {label}"},
    "acc_or": {"fr": "ou avec un compte local :", "en": "or with a local account:"},
    "acc_signout": {"fr": "Se déconnecter", "en": "Sign out"},
    "acc_signout_everywhere": {
        "fr": "Se déconnecter sur tous les appareils",
        "en": "Sign out everywhere",
    },
    "acc_email": {"fr": "Adresse électronique", "en": "Email address"},
    "acc_password": {"fr": "Mot de passe", "en": "Password"},
    "acc_password_new": {"fr": "Nouveau mot de passe", "en": "New password"},
    "acc_password_hint": {"fr": "Au moins 10 caractères.", "en": "At least 10 characters."},
    "acc_name": {"fr": "Nom affiché (facultatif)", "en": "Display name (optional)"},
    "acc_no_account": {"fr": "Pas encore de compte ?", "en": "No account yet?"},
    "acc_have_account": {"fr": "Déjà un compte ?", "en": "Already have an account?"},
    "acc_forgot": {"fr": "Mot de passe oublié ?", "en": "Forgot your password?"},
    "acc_reset_title": {"fr": "Réinitialiser le mot de passe", "en": "Reset your password"},
    "acc_reset_send": {"fr": "Demander un lien", "en": "Ask for a link"},
    "acc_reset_intro": {
        "fr": "Indiquez l'adresse de votre compte : un lien de réinitialisation valable une "
        "heure vous sera transmis.",
        "en": "Give the address of your account: a reset link valid for one hour will be "
        "sent to you.",
    },
    "acc_reset_sent": {
        "fr": "Si un compte existe pour cette adresse, un lien de réinitialisation vient "
        "d'être émis (valable une heure).",
        "en": "If an account exists for this address, a reset link has just been issued "
        "(valid for one hour).",
    },
    "acc_signup_sent": {
        "fr": "Un message vient d'être envoyé à cette adresse : suivez son lien (valable un "
        "jour) pour terminer. Si l'adresse a déjà un compte, le message le dit.",
        "en": "A message has just been sent to this address: follow its link (valid for one "
        "day) to finish. If the address already has an account, the message says so.",
    },
    "acc_reset_done": {
        "fr": "Mot de passe changé : connectez-vous.",
        "en": "Password changed: sign in.",
    },
    "acc_optional": {
        "fr": "La connexion est facultative : toutes les données restent accessibles sans "
        "compte. Un compte garde vos collections de ressources.",
        "en": "Signing in is optional: all the data stays reachable without an account. An "
        "account keeps your collections of resources.",
    },
    "acc_signed_in_as": {"fr": "Connecté en tant que {email}", "en": "Signed in as {email}"},
    "col_title": {"fr": "Collections de données", "en": "Data collections"},
    "col_none": {"fr": "Aucune collection pour l'instant.", "en": "No collection yet."},
    "col_new": {"fr": "Nouvelle collection", "en": "New collection"},
    "col_name": {"fr": "Titre", "en": "Title"},
    "col_description": {"fr": "Description", "en": "Description"},
    "col_create": {"fr": "Créer", "en": "Create"},
    "col_save": {"fr": "Enregistrer", "en": "Save"},
    "col_edit": {"fr": "Renommer ou décrire", "en": "Rename or describe"},
    "col_delete": {"fr": "Supprimer la collection", "en": "Delete the collection"},
    "col_resources": {"fr": "Ressources", "en": "Resources"},
    "col_empty": {
        "fr": "Cette collection est vide : ajoutez des ressources depuis leur page.",
        "en": "This collection is empty: add resources from their pages.",
    },
    "col_remove": {"fr": "Retirer", "en": "Remove"},
    "col_export": {"fr": "Exporter", "en": "Export"},
    "col_export_ttl": {"fr": "Catalogue DCAT-AP (Turtle)", "en": "DCAT-AP catalogue (Turtle)"},
    "col_export_jsonld": {
        "fr": "Catalogue DCAT-AP (JSON-LD)",
        "en": "DCAT-AP catalogue (JSON-LD)",
    },
    "col_export_bib": {"fr": "BibTeX", "en": "BibTeX"},
    "col_export_ris": {"fr": "RIS (Zotero, EndNote…)", "en": "RIS (Zotero, EndNote…)"},
    "col_export_urls": {"fr": "Liste des URL d'accès", "en": "List of access URLs"},
    "col_share": {"fr": "Partager", "en": "Share"},
    "col_share_intro": {
        "fr": "Un lien secret ouvre cette collection en lecture seule, sans connexion. "
        "Vous pouvez le révoquer à tout moment.",
        "en": "A secret link opens this collection read-only, without signing in. "
        "You can revoke it at any time.",
    },
    "col_share_create": {"fr": "Créer un lien de partage", "en": "Create a share link"},
    "col_share_renew": {
        "fr": "Nouveau lien (l'ancien cesse de fonctionner)",
        "en": "New link (the old one stops working)",
    },
    "col_share_revoke": {"fr": "Révoquer le lien", "en": "Revoke the link"},
    "col_share_link": {"fr": "Lien de partage", "en": "Share link"},
    "col_shared_notice": {
        "fr": "Collection partagée, en lecture seule.",
        "en": "Shared collection, read-only.",
    },
    "col_add": {"fr": "Ajouter à ma collection", "en": "Add to my collection"},
    "col_add_iri": {"fr": "Ajouter une ressource par son IRI", "en": "Add a resource by its IRI"},
    "col_iri": {"fr": "IRI de la ressource", "en": "IRI of the resource"},
    "col_add_to": {"fr": "Collection", "en": "Collection"},
    "col_add_new": {"fr": "Nouvelle collection…", "en": "New collection…"},
    "col_add_new_title": {
        "fr": "Titre de la nouvelle collection",
        "en": "Title of the new collection",
    },
    "col_add_signin": {
        "fr": "Connectez-vous pour ajouter cette ressource à vos collections.",
        "en": "Sign in to add this resource to your collections.",
    },
    "col_unknown": {"fr": "absente du graphe", "en": "not in the graph"},
    "col_back": {"fr": "Toutes mes collections", "en": "All my collections"},
    "tok_title": {"fr": "Jetons d'API", "en": "API tokens"},
    "tok_intro": {
        "fr": "Un jeton donne à un programme (notebook, script) l'accès à vos collections par "
        "l'API (/api/collections), dans les portées choisies. Il n'est montré qu'une fois.",
        "en": "A token gives a program (notebook, script) access to your collections through "
        "the API (/api/collections), within the chosen scopes. It is shown only once.",
    },
    "tok_none": {"fr": "Aucun jeton.", "en": "No token."},
    "tok_name": {"fr": "Nom du jeton", "en": "Token name"},
    "tok_scopes": {"fr": "Portées", "en": "Scopes"},
    "tok_scope_read": {
        "fr": "lire et exporter vos collections",
        "en": "read and export your collections",
    },
    "tok_scope_write": {
        "fr": "créer, modifier et supprimer vos collections",
        "en": "create, change and delete your collections",
    },
    "tok_scope_admin": {
        "fr": "charger des données et SPARQL Update (administrateurs)",
        "en": "load data and SPARQL Update (administrators)",
    },
    "tok_create": {"fr": "Créer un jeton", "en": "Create a token"},
    "tok_created": {
        "fr": "Votre nouveau jeton (copiez-le maintenant, il ne sera plus montré) :",
        "en": "Your new token (copy it now, it will not be shown again):",
    },
    "tok_revoke": {"fr": "Révoquer", "en": "Revoke"},
    "tok_used": {"fr": "dernier usage", "en": "last used"},
    "tok_never": {"fr": "jamais utilisé", "en": "never used"},
    "hist_title": {"fr": "Historique de recherches", "en": "Search history"},
    "hist_none": {"fr": "Aucune recherche gardée.", "en": "No search kept."},
    "hist_intro": {
        "fr": "Chaque recherche faite en étant connecté est gardée ici (les 200 dernières).",
        "en": "Every search made while signed in is kept here (the latest 200).",
    },
    "hist_clear": {"fr": "Effacer l'historique", "en": "Clear the history"},
    "hist_all": {"fr": "toutes les ressources", "en": "all resources"},
    "hist_when": {"fr": "Quand", "en": "When"},
    "hist_search": {"fr": "Recherche", "en": "Search"},
    "saved_title": {"fr": "Recherches enregistrées", "en": "Saved searches"},
    "saved_none": {"fr": "Aucune recherche enregistrée.", "en": "No saved search."},
    "saved_name": {"fr": "Nom", "en": "Name"},
    "saved_save": {"fr": "Enregistrer cette recherche", "en": "Save this search"},
    "saved_new": {
        "fr": "nouveautés depuis votre dernière visite : {n}",
        "en": "new since your last visit: {n}",
    },
    "saved_new_since": {
        "fr": "Nouveau ou mis à jour depuis votre dernière visite ({date})",
        "en": "New or updated since your last visit ({date})",
    },
    "saved_nothing_new": {
        "fr": "Rien de nouveau depuis votre dernière visite.",
        "en": "Nothing new since your last visit.",
    },
    "saved_open": {"fr": "Ouvrir la recherche", "en": "Open the search"},
    "saved_delete": {"fr": "Supprimer", "en": "Delete"},
    "saved_invalid": {
        "fr": "Cette recherche n'est plus valide.",
        "en": "This search is no longer valid.",
    },
}

MESSAGES: dict[str, dict[str, str]] = {
    "email_invalid": {
        "fr": "Cette adresse électronique n'est pas valide.",
        "en": "This email address is not valid.",
    },
    "email_taken": {
        "fr": "Un compte existe déjà pour cette adresse.",
        "en": "An account already exists for this address.",
    },
    "password_short": {
        "fr": "Le mot de passe doit compter au moins 10 caractères.",
        "en": "The password must have at least 10 characters.",
    },
    "password_long": {
        "fr": "Le mot de passe est trop long (1024 caractères au plus).",
        "en": "The password is too long (1024 characters at most).",
    },
    "signin_failed": {
        "fr": "Adresse ou mot de passe incorrect.",
        "en": "Wrong address or password.",
    },
    "rate_limited": {
        "fr": "Trop de tentatives : réessayez dans {seconds} s.",
        "en": "Too many attempts: try again in {seconds} s.",
    },
    "signup_invalid": {
        "fr": "Ce lien de création de compte est inconnu, déjà utilisé ou expiré.",
        "en": "This sign-up link is unknown, already used or expired.",
    },
    "reset_invalid": {
        "fr": "Ce lien de réinitialisation est inconnu, déjà utilisé ou expiré.",
        "en": "This reset link is unknown, already used or expired.",
    },
    "title_missing": {"fr": "Donnez un titre.", "en": "Give a title."},
    "title_long": {
        "fr": "Le titre est trop long (200 caractères au plus).",
        "en": "The title is too long (200 characters at most).",
    },
    "description_long": {
        "fr": "La description est trop longue (5000 caractères au plus).",
        "en": "The description is too long (5000 characters at most).",
    },
    "iri_invalid": {
        "fr": "Ce n'est pas l'IRI d'une ressource (http, https ou urn).",
        "en": "This is not the IRI of a resource (http, https or urn).",
    },
    "collection_full": {
        "fr": "Cette collection est pleine (1000 ressources).",
        "en": "This collection is full (1000 resources).",
    },
    "csrf_failed": {
        "fr": "Formulaire refusé : jeton de sécurité absent ou périmé. Rechargez la page.",
        "en": "Form refused: its security token is missing or stale. Reload the page.",
    },
    "query_long": {
        "fr": "Cette recherche est trop longue pour être enregistrée.",
        "en": "This search is too long to be saved.",
    },
    "search_not_found": {
        "fr": "Aucune recherche enregistrée de ce numéro parmi les vôtres.",
        "en": "None of your saved searches has this number.",
    },
    "scopes_invalid": {
        "fr": "Choisissez au moins une portée parmi celles proposées.",
        "en": "Choose at least one of the scopes offered.",
    },
    "scope_admin": {
        "fr": "Seuls les administrateurs peuvent créer un jeton de portée « admin ».",
        "en": "Only administrators can create a token with the 'admin' scope.",
    },
    "tokens_full": {
        "fr": "Vous avez déjà 50 jetons : révoquez-en un d'abord.",
        "en": "You already have 50 tokens: revoke one first.",
    },
    "token_not_found": {
        "fr": "Aucun jeton de ce numéro parmi les vôtres.",
        "en": "None of your tokens has this number.",
    },
    "token_missing": {
        "fr": "Jeton d'API absent ou inconnu : envoyez « Authorization: Bearer gkg_… ».",
        "en": "API token missing or unknown: send 'Authorization: Bearer gkg_…'.",
    },
    "token_scope": {
        "fr": "Ce jeton n'a pas la portée « {scope} ».",
        "en": "This token lacks the scope '{scope}'.",
    },
    "body_invalid": {
        "fr": "Le corps doit être un objet JSON ({fields}).",
        "en": "The body must be a JSON object ({fields}).",
    },
    "oidc_failed": {
        "fr": "La connexion par le fournisseur d'identité a échoué ; réessayez.",
        "en": "Signing in through the identity provider failed; try again.",
    },
    "oidc_off": {
        "fr": "La connexion unique (OpenID Connect) n'est pas configurée ici.",
        "en": "Single sign-on (OpenID Connect) is not configured here.",
    },
    "collection_not_found": {
        "fr": "Aucune collection de ce numéro parmi les vôtres.",
        "en": "None of your collections has this number.",
    },
    "share_not_found": {
        "fr": "Ce lien de partage est inconnu ou a été révoqué.",
        "en": "This share link is unknown or has been revoked.",
    },
    "export_unknown": {
        "fr": "Format d'export inconnu : {name} (connus : {known}).",
        "en": "Unknown export format: {name} (known: {known}).",
    },
}


def text(table: dict[str, dict[str, str]], key: str, lang: str, **params: object) -> str:
    """The string ``key`` of ``table`` in ``lang`` (fr or en), with ``params`` filled in.

    >>> text(MESSAGES, "rate_limited", "fr", seconds=30)
    'Trop de tentatives : réessayez dans 30 s.'
    """
    texts = table[key]
    return texts.get(lang, texts["en"]).format(**params)


def account_catalogue(lang: str) -> dict[str, str]:
    """Every page string of the personal space without parameters in ``lang``."""
    return {key: texts.get(lang, texts["en"]) for key in UI for texts in (UI[key],)}
