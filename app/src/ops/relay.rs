//! A self-hosted iroh relay (`peerview relay`), for firms that would rather not depend on the
//! public relays: nodes that cannot reach each other directly (a candidate at home, an employer
//! behind an office router) meet through it, and it tells them their public address so they can
//! try a direct path (QUIC address discovery, which needs TLS). Every node then runs with
//! `--relay URL`, and tickets carry the URL.
//!
//! Three ways to run it: plain HTTP (a LAN, a test: no address discovery), TLS from certificate
//! files, or TLS from Let's Encrypt (ACME) for a public hostname.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;

use anyhow::{Context, Result, anyhow, bail};
use iroh_relay::server::{AcmeConfig, CertConfig, QuicConfig, RelayConfig, Server, ServerConfig, TlsConfig};
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, PrivateKeyDer};

use crate::tr;

/// Where the plain-HTTP relay listens without TLS (the port iroh's own relay uses in that mode).
pub const PLAIN_HTTP_PORT: u16 = 3340;

/// How the relay gets its certificate.
#[derive(Debug, Clone)]
pub enum RelayTls {
    /// No TLS: plain HTTP, no QUIC address discovery. For a LAN or a test.
    Plain,
    /// A certificate chain and its key, PEM files.
    Files { cert: PathBuf, key: PathBuf },
    /// Let's Encrypt for `hostnames` (they must point at this machine, ports 80 and 443 open).
    Acme { hostnames: Vec<String>, contact: String, cache: PathBuf, staging: bool },
}

/// How to run the relay.
#[derive(Debug, Clone)]
pub struct RelayOptions {
    pub tls: RelayTls,
    /// Plain HTTP (the whole relay without TLS; with TLS the captive-portal check).
    pub http_bind: SocketAddr,
    /// HTTPS (with TLS).
    pub https_bind: SocketAddr,
    /// QUIC address discovery (with TLS).
    pub quic_bind: SocketAddr,
}

/// A running relay.
pub struct RunningRelay {
    server: Server,
    /// The addresses it listens on, for the user: (what, in the current language; address).
    pub listening: Vec<(String, SocketAddr)>,
}

impl RunningRelay {
    /// Stop accepting and close every relayed connection.
    pub async fn shutdown(self) -> Result<()> {
        self.server.shutdown().await.map_err(|e| anyhow!(tr!("ops-relay-stopping", error = e.to_string())))
    }

    /// Wait until the relay stops by itself (an internal error).
    pub async fn join(&mut self) -> Result<()> {
        match self.server.join().await {
            Ok(Ok(())) => Ok(()),
            Ok(Err(e)) => Err(anyhow!(tr!("ops-relay-stopped", error = e.to_string()))),
            Err(e) => Err(anyhow!(tr!("ops-relay-stopped", error = e.to_string()))),
        }
    }
}

fn crypto() -> Arc<rustls::crypto::CryptoProvider> {
    Arc::new(rustls::crypto::ring::default_provider())
}

fn tls_builder() -> Result<rustls::ConfigBuilder<rustls::ServerConfig, rustls::server::WantsServerCert>> {
    Ok(rustls::ServerConfig::builder_with_provider(crypto())
        .with_safe_default_protocol_versions()
        .with_context(|| tr!("ops-relay-tls-versions"))?
        .with_no_client_auth())
}

fn server_config_from_files(cert: &PathBuf, key: &PathBuf) -> Result<rustls::ServerConfig> {
    let certs: Vec<CertificateDer<'static>> = CertificateDer::pem_file_iter(cert)
        .with_context(|| tr!("ops-relay-reading-cert", file = cert.display().to_string()))?
        .collect::<Result<_, _>>()
        .with_context(|| tr!("ops-relay-not-pem", file = cert.display().to_string()))?;
    if certs.is_empty() {
        bail!(tr!("ops-relay-no-cert", file = cert.display().to_string()));
    }
    let key = PrivateKeyDer::from_pem_file(key)
        .with_context(|| tr!("ops-relay-reading-key", file = key.display().to_string()))?;
    tls_builder()?.with_single_cert(certs, key).with_context(|| tr!("ops-relay-key-mismatch"))
}

/// Start the relay.
pub async fn start(options: &RelayOptions) -> Result<RunningRelay> {
    let mut relay = RelayConfig::new(options.http_bind);
    let mut quic = None;
    match &options.tls {
        RelayTls::Plain => {}
        RelayTls::Files { cert, key } => {
            let server_config = server_config_from_files(cert, key)?;
            let mut q = QuicConfig::new(options.quic_bind);
            q.server_config = Some(server_config.clone());
            quic = Some(q);
            relay.tls = Some(TlsConfig::new(options.https_bind, CertConfig::Manual { server_config }));
        }
        RelayTls::Acme { hostnames, contact, cache, staging } => {
            if hostnames.is_empty() {
                bail!(tr!("ops-relay-acme-needs-hostname"));
            }
            std::fs::create_dir_all(cache)
                .with_context(|| tr!("ops-creating-dir", dir = cache.display().to_string()))?;
            let acme_config = AcmeConfig::letsencrypt(!staging)
                .domains(hostnames.clone())
                .contact(vec![format!("mailto:{contact}")])
                .cache_path(cache.clone());
            quic = Some(QuicConfig::new(options.quic_bind));
            relay.tls = Some(TlsConfig::new(
                options.https_bind,
                CertConfig::LetsEncrypt { acme_config, server_config_builder: tls_builder()? },
            ));
        }
    }
    let mut config = ServerConfig::default();
    config.relay = Some(relay);
    config.quic = quic;
    let server = Server::spawn(config).await.map_err(|e| anyhow!(tr!("ops-relay-starting", error = e.to_string())))?;
    let mut listening = Vec::new();
    if let Some(a) = server.http_addr() {
        let what = if server.https_addr().is_some() { tr!("ops-relay-http-captive") } else { tr!("ops-relay-http") };
        listening.push((what, a));
    }
    if let Some(a) = server.https_addr() {
        listening.push((tr!("ops-relay-https"), a));
    }
    if let Some(a) = server.quic_addr() {
        listening.push((tr!("ops-relay-quic"), a));
    }
    Ok(RunningRelay { server, listening })
}
