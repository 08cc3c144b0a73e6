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
    /// The addresses it listens on, for the user: (what, address).
    pub listening: Vec<(&'static str, SocketAddr)>,
}

impl RunningRelay {
    /// Stop accepting and close every relayed connection.
    pub async fn shutdown(self) -> Result<()> {
        self.server.shutdown().await.map_err(|e| anyhow!("stopping the relay: {e}"))
    }

    /// Wait until the relay stops by itself (an internal error).
    pub async fn join(&mut self) -> Result<()> {
        match self.server.join().await {
            Ok(Ok(())) => Ok(()),
            Ok(Err(e)) => Err(anyhow!("the relay stopped: {e}")),
            Err(e) => Err(anyhow!("the relay stopped: {e}")),
        }
    }
}

fn crypto() -> Arc<rustls::crypto::CryptoProvider> {
    Arc::new(rustls::crypto::ring::default_provider())
}

fn tls_builder() -> Result<rustls::ConfigBuilder<rustls::ServerConfig, rustls::server::WantsServerCert>> {
    Ok(rustls::ServerConfig::builder_with_provider(crypto())
        .with_safe_default_protocol_versions()
        .context("TLS protocol versions")?
        .with_no_client_auth())
}

fn server_config_from_files(cert: &PathBuf, key: &PathBuf) -> Result<rustls::ServerConfig> {
    let certs: Vec<CertificateDer<'static>> = CertificateDer::pem_file_iter(cert)
        .with_context(|| format!("reading the certificate {}", cert.display()))?
        .collect::<Result<_, _>>()
        .with_context(|| format!("{} is not a PEM certificate chain", cert.display()))?;
    if certs.is_empty() {
        bail!("{} holds no certificate", cert.display());
    }
    let key = PrivateKeyDer::from_pem_file(key)
        .with_context(|| format!("reading the private key {} (PEM)", key.display()))?;
    tls_builder()?.with_single_cert(certs, key).context("the certificate and the key do not match")
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
                bail!("Let's Encrypt needs the relay's public hostname");
            }
            std::fs::create_dir_all(cache).with_context(|| format!("creating {}", cache.display()))?;
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
    let server = Server::spawn(config).await.map_err(|e| anyhow!("starting the relay: {e}"))?;
    let mut listening = Vec::new();
    if let Some(a) = server.http_addr() {
        listening.push((if server.https_addr().is_some() { "http (captive-portal check)" } else { "http" }, a));
    }
    if let Some(a) = server.https_addr() {
        listening.push(("https", a));
    }
    if let Some(a) = server.quic_addr() {
        listening.push(("quic address discovery", a));
    }
    Ok(RunningRelay { server, listening })
}
