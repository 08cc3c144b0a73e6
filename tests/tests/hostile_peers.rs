//! Hostile peers against a real `peerview serve` (a separate process, on loopback), as an
//! attacker would try it: connections that never say who they are, unidirectional and
//! bidirectional stream floods, an announced 8 MiB Hello trickled in, an invited candidate's
//! compressed change that inflates to 1 GiB, a revoked candidate who keeps its session open.
//! Each attack is closed in time, the employer's memory (`VmHWM` from `/proc`) stays within its
//! budget, nothing reaches the documents, and an honest candidate completes afterwards.

use std::path::Path;
use std::time::{Duration, Instant};

use iroh::endpoint::Connection;
use peerview_sync::budget::{HANDSHAKE_BURST_PER_ADDR, HANDSHAKES_PER_SEC_PER_ADDR};
use peerview_sync::node::endpoint_addr;
use peerview_sync::protocol::{Msg, PROTOCOL_VERSION, SYNC_ALPN, read_msg, write_msg};
use peerview_sync::ticket::{Invitee, Ticket};
use peerview_tests::attacks::{
    announce_frame, attacker, claim_of, compression_bomb, connect, mb, memory, send_bomb, trickle, uni_flood,
};
use peerview_tests::{Server, ok, peer, peerview};

const CAMPAIGN: &str = r#"
title = "Night porter"
role = "Night porter"
deadline = 2099-01-01T00:00:00Z
[[question]]
id = "why"
prompt = "Why nights?"
answer = "text"
"#;

/// The employer node's peak resident memory while under attack.
const RSS_BUDGET_BYTES: u64 = 300 << 20;

/// Every attacker here comes from the employer's own address, so that the per-address limit
/// is tested too.
const ATTACKER_IP: std::net::IpAddr = std::net::IpAddr::V4(std::net::Ipv4Addr::LOCALHOST);

/// What a client hears when the employer refuses its connection before the handshake (QUIC's
/// `CONNECTION_REFUSED`).
const REFUSED_BEFORE_HANDSHAKE: &str = "the server refused to accept a new connection";

/// How long the employer took to close `conn` (panics past `limit`).
async fn closed_within(conn: &Connection, limit: Duration, what: &str) -> Duration {
    let start = Instant::now();
    tokio::time::timeout(limit, conn.closed())
        .await
        .unwrap_or_else(|_| panic!("{what}: the employer kept the connection open for {limit:?}"));
    start.elapsed()
}

fn setup() -> (tempfile::TempDir, String) {
    let employer = tempfile::tempdir().expect("tempdir");
    let campaign = peerview_tests::create_campaign(employer.path(), CAMPAIGN);
    (employer, campaign)
}

fn invite(employer: &Path, campaign: &str, name: &str) -> Ticket {
    let text = ok(&peerview(employer, &["invite", campaign, "--name", name])).trim().to_owned();
    Ticket::decode(&text).expect("ticket")
}

// One story, attack after attack against the same node, as an attacker would run it.
#[allow(clippy::too_many_lines)]
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hostile_peers_are_cut_off_cheaply_and_an_honest_candidate_still_gets_through() {
    let (employer, campaign) = setup();
    let server = Server::start(employer.path(), "127.0.0.1:0");
    let pid = server.child.id();
    let mallory = invite(employer.path(), &campaign, "Mallory");
    let eve = invite(employer.path(), &campaign, "Eve");
    let (rss_start, _) = memory(pid);

    // 1. Connections from unknown keys that never open a stream: the first few wait for their
    //    Hello and are closed when it does not come; the rest are refused at once, most of them
    //    before their handshake (the address has its most unauthenticated connections, or has
    //    spent its handshakes).
    let mut eps = Vec::new();
    for _ in 0..4 {
        eps.push(attacker(ATTACKER_IP).await);
    }
    let started = Instant::now();
    let mut silent = Vec::new();
    let mut refused_in_handshake = 0;
    let mut before_handshake = 0;
    for i in 0..60 {
        let addr = endpoint_addr(&mallory.nodes[0]).expect("address");
        match eps[i % eps.len()].connect(addr, SYNC_ALPN).await {
            Ok(conn) => silent.push(conn),
            Err(e) => {
                refused_in_handshake += 1;
                before_handshake += usize::from(e.to_string().contains(REFUSED_BEFORE_HANDSHAKE));
            }
        }
    }
    let handshakes = 60 - before_handshake;
    let allowed = HANDSHAKE_BURST_PER_ADDR as usize
        + (started.elapsed().as_secs_f64() * f64::from(HANDSHAKES_PER_SEC_PER_ADDR)).ceil() as usize;
    tokio::time::sleep(Duration::from_secs(1)).await;
    let refused_at_once = refused_in_handshake + silent.iter().filter(|c| c.close_reason().is_some()).count();
    for conn in &silent {
        closed_within(conn, Duration::from_secs(10).saturating_sub(started.elapsed()), "a silent connection").await;
    }
    println!(
        "silent connections: 60 closed within {:?}, {refused_at_once} of them at once, {before_handshake} before their handshake ({handshakes} handshakes, at most {allowed} allowed)",
        started.elapsed()
    );
    assert!(handshakes <= allowed, "an address got {handshakes} handshakes without proving an invite");
    assert!(
        refused_at_once >= 60 - 8,
        "over the per-address limit, connections are refused at once: {refused_at_once}"
    );

    // The employer frees a connection's place when its handler ends, a moment after the close.
    tokio::time::sleep(Duration::from_millis(500)).await;

    // 2. Streams before Hello: no unidirectional stream can be opened at all; bidirectional
    //    streams filled with data are bounded by the connection's window and closed with it.
    let conn = connect(&eps[0], &mallory).await.expect("connect");
    let (granted, _) = uni_flood(&conn, 1, 1 << 20, Duration::from_secs(2)).await;
    assert_eq!(granted, 0, "a unidirectional stream was granted before Hello");
    closed_within(&conn, Duration::from_secs(10), "a connection that only tried a stream").await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    // The first stream starts a plausible Hello and stalls, so the employer waits on it while
    // the other streams are filled.
    let mut floods = Vec::new();
    for ep in eps.iter().chain(eps.iter()) {
        let conn = connect(ep, &mallory).await.expect("connect");
        let first = announce_frame(&conn, 2048).await.expect("first stream");
        for _ in 0..15 {
            let conn = conn.clone();
            floods.push(tokio::spawn(async move {
                let Ok((mut stream, _recv)) = conn.open_bi().await else { return 0u64 };
                let block = vec![0x55u8; 64 << 10];
                let mut sent = 0u64;
                while sent < (1 << 20) {
                    match tokio::time::timeout(Duration::from_secs(12), stream.write_all(&block)).await {
                        Ok(Ok(())) => sent += block.len() as u64,
                        _ => break,
                    }
                }
                sent
            }));
        }
        floods.push(tokio::spawn(async move {
            let _keep = first;
            let _ = tokio::time::timeout(Duration::from_secs(12), conn.closed()).await;
            0
        }));
    }
    let mut flooded = 0;
    for f in floods {
        flooded += f.await.expect("flood task");
    }
    println!("stream flood before Hello: {} accepted into the employer's windows", mb(flooded));

    tokio::time::sleep(Duration::from_millis(500)).await;

    // 3. A Hello announced at 8 MiB and trickled in: refused on the length alone.
    let conn = connect(&eps[1], &mallory).await.expect("connect");
    let (mut send, recv) = announce_frame(&conn, 8 << 20).await.expect("stream");
    let trickling = tokio::spawn(async move {
        let _recv = recv;
        trickle(&mut send, 1024, Duration::from_secs(1), 20).await;
    });
    let took = closed_within(&conn, Duration::from_secs(3), "an 8 MiB Hello").await;
    trickling.abort();
    println!("8 MiB Hello: closed after {took:?}");

    // 4. A small Hello trickled so slowly it never completes: closed at the Hello deadline.
    let conn = connect(&eps[2], &mallory).await.expect("connect");
    let (mut send, recv) = announce_frame(&conn, 2048).await.expect("stream");
    let trickling = tokio::spawn(async move {
        let _recv = recv;
        trickle(&mut send, 16, Duration::from_millis(500), 30).await;
    });
    let took = closed_within(&conn, Duration::from_secs(10), "a trickled Hello").await;
    trickling.abort();
    println!("trickled Hello: closed after {took:?}");

    // 5. An invited candidate sends a compressed change that inflates to 1 GiB.
    let conn = connect(&eps[3], &mallory).await.expect("connect");
    let bomb = compression_bomb(1 << 30);
    println!("compression bomb: {} on the wire, 1 GiB inflated", mb(bomb.len() as u64));
    match send_bomb(&conn, &mallory, bomb).await {
        Ok(Msg::Refused { reason }) => assert!(reason.contains("inflates to more than"), "{reason}"),
        other => panic!("the bomb was not refused: {other:?}"),
    }

    // 6. A candidate whose invite is revoked while its session is open is cut off within a round.
    let eve_ep = attacker(ATTACKER_IP).await;
    let conn = connect(&eve_ep, &eve).await.expect("connect");
    let (mut send, mut recv) = conn.open_bi().await.expect("stream");
    write_msg(&mut send, &Msg::Hello { protocol: PROTOCOL_VERSION, claim: Some(claim_of(&eve)) }).await.expect("hello");
    assert!(matches!(read_msg(&mut recv).await.expect("welcome"), Msg::Welcome { .. }));
    let Invitee::Candidate(eve_id) = &eve.invitee else { panic!("a candidate ticket") };
    ok(&peerview(employer.path(), &["revoke", &campaign, eve_id.as_str()]));
    tokio::time::sleep(Duration::from_millis(1500)).await;
    write_msg(&mut send, &Msg::Round { entries: vec![] }).await.expect("round");
    match read_msg(&mut recv).await {
        Ok(Msg::Refused { reason }) => assert!(reason.contains("withdrawn"), "{reason}"),
        other => panic!("a revoked candidate's session went on: {other:?}"),
    }

    // The employer's memory stayed within budget through all of it.
    let (rss_now, rss_peak) = memory(pid);
    println!(
        "employer memory: {} at start, {} now, {} at peak (budget {})",
        mb(rss_start),
        mb(rss_now),
        mb(rss_peak),
        mb(RSS_BUDGET_BYTES)
    );
    assert!(rss_peak <= RSS_BUDGET_BYTES, "the employer's memory peaked at {}", mb(rss_peak));

    // Nothing of the attacks reached the documents: Mallory's submission is as invited.
    let store = peerview_sync::Store::open(employer.path()).expect("employer store");
    let Invitee::Candidate(me) = &mallory.invitee else { panic!("a candidate ticket") };
    let submission = store.submission(me).expect("Mallory's submission");
    assert!(submission.answers.is_empty() && submission.events.is_empty(), "{submission:?}");
    drop(store);
    assert!(!server.log().contains("panicked"), "{}", server.log());

    // And an honest candidate gets through afterwards.
    let ada_ticket = ok(&peerview(employer.path(), &["invite", &campaign, "--name", "Ada"])).trim().to_owned();
    let ada = tempfile::tempdir().expect("tempdir");
    ok(&peer(ada.path(), &["join", &ada_ticket]));
    ok(&peer(ada.path(), &["answer", &campaign, "why", "--text", "I like quiet hours."]));
    let submitted = ok(&peer(ada.path(), &["submit", &campaign]));
    assert!(submitted.contains("received by the employer"), "{submitted}");
    drop(eps);
}
