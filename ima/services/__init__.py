"""ima.services: the use cases that the CLI and the web app share."""
