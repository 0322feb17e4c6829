"""Public and merchant URLs (language-prefixed, translated paths)."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from .views import logins, shopper, signup, space

app_name = "merchants"

urlpatterns = [
    path(_("commercants/inscription/"), signup.signup, name="signup"),
    path(_("commercants/inscription/envoyee/"), signup.signup_sent, name="signup_sent"),
    path(_("commercants/inscription/<str:token>/"), signup.confirm, name="confirm"),
    path(_("commercants/inscription/<str:token>/modifier/"), signup.amend, name="amend"),
    path(_("espace-commercant/connexion/"), logins.MerchantLoginView.as_view(), name="login"),
    path(_("espace-commercant/deconnexion/"), space.logout_view, name="logout"),
    path(_("espace-commercant/lien/"), logins.request_link, name="request_link"),
    path(_("espace-commercant/lien/<str:token>/"), logins.use_link, name="login_link"),
    path(
        _("espace-commercant/mot-de-passe-oublie/"),
        logins.PasswordResetView.as_view(),
        name="password_reset",
    ),
    path(
        _("espace-commercant/mot-de-passe-oublie/envoye/"),
        logins.render_reset_done,
        name="password_reset_done",
    ),
    path(
        _("espace-commercant/mot-de-passe/<uidb64>/<token>/"),
        logins.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(_("espace-commercant/"), space.dashboard, name="dashboard"),
    path(_("espace-commercant/commerce/"), space.edit_shop, name="edit_shop"),
    path(_("espace-commercant/produits/"), space.product_list, name="product_list"),
    path(_("espace-commercant/produits/ajouter/"), space.edit_product, name="add_product"),
    path(_("espace-commercant/produits/<int:pk>/"), space.edit_product, name="edit_product"),
    path(
        _("espace-commercant/produits/<int:pk>/supprimer/"),
        space.delete_product,
        name="delete_product",
    ),
    path(_("espace-commercant/retraits/"), space.pickup_list, name="pickup_list"),
    path(_("espace-commercant/retraits/<int:pk>/"), space.pickup_detail, name="pickup_detail"),
    path(
        _("espace-commercant/retraits/<int:pk>/<slug:action>/"),
        space.pickup_action,
        name="pickup_action",
    ),
    path(_("espace-commercant/mot-de-passe/"), space.set_password, name="set_password"),
    path(_("espace-commercant/mes-donnees/"), space.export_data, name="export"),
    path(_("espace-commercant/supprimer/"), space.delete_account, name="delete_account"),
    path(_("commerces/<slug:slug>/retrait/"), shopper.pickup_request, name="pickup_request"),
    path(_("commerces/<slug:slug>/partenaire/"), shopper.shop_to_marketplace, name="shop_out"),
    path(_("retrait/<str:token>/"), shopper.pickup_status, name="pickup_status"),
    path(_("produits/<int:pk>/partenaire/"), shopper.to_marketplace, name="product_out"),
]
