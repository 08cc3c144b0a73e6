//! Hosts on a private network for end-to-end tests: each host is a Linux network namespace
//! with one interface (`eth0`) plugged into a bridge that lives in its own "switch" namespace.
//! Traffic never leaves the namespaces created here. Needs root and `ip`; [`Lan::new`] says why
//! when they are unavailable, so tests can skip with a clear message.

use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};

static NEXT: AtomicUsize = AtomicUsize::new(0);

/// A switch and the hosts plugged into it. Dropping it deletes every namespace (and with them
/// the interfaces and any process-visible state).
#[derive(Debug)]
pub struct Lan {
    switch: String,
    pub hosts: Vec<Host>,
}

/// One host: a namespace with `eth0` at `ip` in 10.77.0.0/24.
#[derive(Debug, Clone)]
pub struct Host {
    pub ns: String,
    pub ip: String,
    port: String,
}

fn ip(args: &[&str]) -> Result<(), String> {
    let out = Command::new("ip").args(args).output().map_err(|e| format!("cannot run `ip`: {e}"))?;
    if out.status.success() {
        Ok(())
    } else {
        Err(format!("`ip {}` failed: {}", args.join(" "), String::from_utf8_lossy(&out.stderr).trim()))
    }
}

impl Lan {
    /// A switch with `n` hosts at 10.77.0.1, 10.77.0.2, ...
    pub fn new(n: usize) -> Result<Lan, String> {
        let tag = format!("pv{}x{}", std::process::id(), NEXT.fetch_add(1, Ordering::Relaxed));
        let switch = format!("{tag}sw");
        ip(&["netns", "add", &switch])?;
        let mut lan = Lan { switch: switch.clone(), hosts: Vec::new() };
        ip(&["-n", &switch, "link", "add", "br0", "type", "bridge"])?;
        ip(&["-n", &switch, "link", "set", "br0", "up"])?;
        for i in 0..n {
            let ns = format!("{tag}h{i}");
            ip(&["netns", "add", &ns])?;
            let host = Host { ns: ns.clone(), ip: format!("10.77.0.{}", i + 1), port: format!("p{i}") };
            lan.hosts.push(host.clone());
            // Create the pair inside the switch, then move one end into the host.
            ip(&["-n", &switch, "link", "add", &host.port, "type", "veth", "peer", "name", "eth0", "netns", &ns])?;
            ip(&["-n", &switch, "link", "set", &host.port, "master", "br0"])?;
            ip(&["-n", &switch, "link", "set", &host.port, "up"])?;
            ip(&["-n", &ns, "link", "set", "lo", "up"])?;
            ip(&["-n", &ns, "link", "set", "eth0", "up"])?;
            host.set_address(&host.ip)?;
        }
        Ok(lan)
    }

    /// The switch-side interface of a host, e.g. for `tc` shaping of that host's link.
    pub fn switch_port(&self, host: &Host) -> (String, String) {
        (self.switch.clone(), host.port.clone())
    }

    /// Unplug or plug a host's cable.
    pub fn set_link(&self, host: &Host, up: bool) -> Result<(), String> {
        ip(&["-n", &self.switch, "link", "set", &host.port, if up { "up" } else { "down" }])
    }
}

impl Host {
    /// Give `eth0` a new address (as DHCP would), replacing the old one.
    pub fn set_address(&self, addr: &str) -> Result<(), String> {
        ip(&["-n", &self.ns, "addr", "flush", "dev", "eth0"])?;
        ip(&["-n", &self.ns, "addr", "add", &format!("{addr}/24"), "dev", "eth0"])?;
        // A default route, as on any office network (multicast needs a route too).
        ip(&["-n", &self.ns, "route", "replace", "default", "dev", "eth0"])
    }

    /// A command that runs `program` inside this host.
    pub fn command(&self, program: impl AsRef<std::ffi::OsStr>) -> Command {
        let mut c = Command::new("ip");
        c.args(["netns", "exec", &self.ns]).arg(program);
        crate::pin_locale(&mut c);
        c
    }
}

impl Drop for Lan {
    fn drop(&mut self) {
        for host in &self.hosts {
            let _ = ip(&["netns", "del", &host.ns]);
        }
        let _ = ip(&["netns", "del", &self.switch]);
    }
}

/// The internet in miniature: a "relay" namespace in the middle and hosts that each reach it
/// over their own link, but not each other (the middle does not forward). A server in the
/// middle listens on [`Star::CENTRE`] (on its loopback), which every host routes to.
#[derive(Debug)]
pub struct Star {
    pub centre: Host,
    pub hosts: Vec<Host>,
}

impl Star {
    /// The address every host can reach in the middle.
    pub const CENTRE: &'static str = "10.79.0.1";

    /// A centre and `n` hosts at 10.79.1.2, 10.79.2.2, ... with no route between the hosts.
    pub fn new(n: usize) -> Result<Star, String> {
        let tag = format!("pv{}s{}", std::process::id(), NEXT.fetch_add(1, Ordering::Relaxed));
        let centre_ns = format!("{tag}c");
        ip(&["netns", "add", &centre_ns])?;
        let centre = Host { ns: centre_ns.clone(), ip: Star::CENTRE.to_owned(), port: String::new() };
        let mut star = Star { centre, hosts: Vec::new() };
        ip(&["-n", &centre_ns, "link", "set", "lo", "up"])?;
        ip(&["-n", &centre_ns, "addr", "add", &format!("{}/32", Star::CENTRE), "dev", "lo"])?;
        sysctl(&centre_ns, "net.ipv4.ip_forward=0")?;
        for i in 1..=n {
            let ns = format!("{tag}h{i}");
            ip(&["netns", "add", &ns])?;
            let host = Host { ns: ns.clone(), ip: format!("10.79.{i}.2"), port: format!("v{i}") };
            star.hosts.push(host.clone());
            ip(&["-n", &centre_ns, "link", "add", &host.port, "type", "veth", "peer", "name", "eth0", "netns", &ns])?;
            ip(&["-n", &centre_ns, "addr", "add", &format!("10.79.{i}.1/24"), "dev", &host.port])?;
            ip(&["-n", &centre_ns, "link", "set", &host.port, "up"])?;
            ip(&["-n", &ns, "link", "set", "lo", "up"])?;
            ip(&["-n", &ns, "link", "set", "eth0", "up"])?;
            ip(&["-n", &ns, "addr", "add", &format!("{}/24", host.ip), "dev", "eth0"])?;
            ip(&["-n", &ns, "route", "add", &format!("{}/32", Star::CENTRE), "via", &format!("10.79.{i}.1")])?;
        }
        Ok(star)
    }
}

fn sysctl(ns: &str, setting: &str) -> Result<(), String> {
    let out = Command::new("ip")
        .args(["netns", "exec", ns, "sysctl", "-qw", setting])
        .output()
        .map_err(|e| format!("cannot run sysctl: {e}"))?;
    if out.status.success() {
        Ok(())
    } else {
        Err(format!("sysctl {setting}: {}", String::from_utf8_lossy(&out.stderr)))
    }
}

impl Drop for Star {
    fn drop(&mut self) {
        for host in &self.hosts {
            let _ = ip(&["netns", "del", &host.ns]);
        }
        let _ = ip(&["netns", "del", &self.centre.ns]);
    }
}
