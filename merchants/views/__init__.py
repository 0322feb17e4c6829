"""Views of the merchants' area: public sign-up, logins, the merchant's space, pickup requests."""
