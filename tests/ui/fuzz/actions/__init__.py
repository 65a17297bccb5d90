"""One module per area of the app; each registers its user actions with `@action(weight)`."""
