//! HTTP: the JSON API, the web pages and the background analysis worker.
